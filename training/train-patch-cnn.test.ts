import { beforeAll, describe, expect, it } from 'vitest';
import { buildPatchCnn } from '../src/core/cnn/cnn.ts';
import { initTrainingBackend } from './tf-backend.ts';
import type { PatchDataset } from './patch-dataset.ts';
import { checkPatches, trainPatchCnn } from './train-patch-cnn.ts';

/** Class 0: white noise (sharp detail). Class 1: the same kind of noise box-blurred 5x5. */
function noiseDataset(n: number, seed: number): PatchDataset {
  const size = 64;
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296 - 0.5);
  const data = new Float32Array(n * size * size);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const noise = Float32Array.from({ length: size * size }, rand);
    labels[i] = i % 2;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        let v = noise[y * size + x]!;
        if (labels[i] === 1) {
          v = 0;
          for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) v += noise[Math.min(size - 1, Math.max(0, y + dy)) * size + Math.min(size - 1, Math.max(0, x + dx))]!;
          v /= 5; // keeps the blurred noise's low-frequency level comparable
        }
        data[(i * size + y) * size + x] = v;
      }
    }
  }
  return { n, size, data, labels, image: Int32Array.from({ length: n }, (_, i) => i) };
}

describe('trainPatchCnn', () => {
  beforeAll(async () => {
    await initTrainingBackend('wasm');
  });

  it('lowers the loss and learns to tell sharp from blurred patches', async () => {
    const model = buildPatchCnn({ seed: 2 });
    const history = await trainPatchCnn(model, noiseDataset(96, 1), {
      epochs: 4,
      batchSize: 16,
      learningRate: 3e-3,
      classWeights: [1, 1, 1, 1],
      seed: 3,
    });
    expect(history).toHaveLength(4);
    expect(history[3]!.loss).toBeLessThan(history[0]!.loss);
    const check = await checkPatches(model, noiseDataset(40, 9));
    expect(check.accuracy).toBeGreaterThan(0.8);
    expect(check.confusion.flat().reduce((a, b) => a + b, 0)).toBe(40);
    model.dispose();
  });
});
