// Times one training step of the patch CNN (batch 32 of 64x64x1, Adam, class-weighted
// cross-entropy, the loop `npm run train` uses) and inference on 48 patches, on a tfjs backend.
//   npx tsx training/bench-train-step.ts [wasm|cpu] [steps]
import * as tf from '@tensorflow/tfjs';
import { buildPatchCnn, predictPatches, weightCount } from '../src/core/cnn/cnn.ts';
import { PATCH_SIZE } from '../src/core/cnn/patches.ts';
import { initTrainingBackend } from './tf-backend.ts';
import { trainPatchCnn } from './train-patch-cnn.ts';

const backend = (process.argv[2] ?? 'wasm') as 'wasm' | 'cpu';
const steps = Number(process.argv[3] ?? (backend === 'cpu' ? 2 : 20));
await initTrainingBackend(backend);
const model = buildPatchCnn({ seed: 1 });
const batch = 32;
const n = batch * (steps + 1);
const area = PATCH_SIZE * PATCH_SIZE;
const data = Float32Array.from({ length: n * area }, (_, i) => Math.sin(i * 0.7) * Math.cos(i * 0.013) * 0.5);
const dataset = { n, size: PATCH_SIZE, data, labels: Int32Array.from({ length: n }, (_, i) => i % 4), image: new Int32Array(n) };
const times: number[] = [];
let last = performance.now();
await trainPatchCnn(model, dataset, {
  epochs: 1,
  batchSize: batch,
  learningRate: 1e-3,
  classWeights: [1, 2, 2, 10],
  seed: 1,
  onStep: () => {
    const now = performance.now();
    times.push(now - last);
    last = now;
  },
});
const steady = times.slice(1).sort((a, b) => a - b); // the first step includes kernel warm-up
const patches = { n: 48, size: PATCH_SIZE, data: data.subarray(0, 48 * area) };
await predictPatches(model, patches);
const inference: number[] = [];
for (let i = 0; i < (backend === 'cpu' ? 3 : 20); i++) {
  const t0 = performance.now();
  await predictPatches(model, patches);
  inference.push(performance.now() - t0);
}
inference.sort((a, b) => a - b);
const med = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
console.log(JSON.stringify({
  backend: tf.getBackend(),
  weights: weightCount(model),
  trainStepMsMedian: Math.round(med(steady)),
  firstStepMs: Math.round(times[0]!),
  inference48PatchesMsMedian: Number(med(inference).toFixed(1)),
}));
