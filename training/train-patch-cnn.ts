// The patch CNN's training loop: Adam with cosine learning-rate decay, class-weighted cross-entropy
// (or unweighted, for the imbalance ablation), random square symmetries as augmentation, and a
// patch-level check on held-out patches after every epoch.
import * as tf from '@tensorflow/tfjs';
import { predictPatches } from '../src/core/cnn/cnn.ts';
import { PATCH_CLASSES } from '../src/core/types.ts';
import { mulberry32 } from './data/rng.ts';
import { copyAugmented, shuffled, type PatchDataset } from './patch-dataset.ts';

export interface TrainCnnOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Loss weight per class (PATCH_CLASSES order); null = unweighted. */
  classWeights: number[] | null;
  seed: number;
  /** Held-out patches checked after each epoch. */
  heldOut?: PatchDataset;
  onStep?: (step: number, totalSteps: number, loss: number) => void;
}

export interface PatchCheck {
  n: number;
  accuracy: number;
  /** Recall per class (PATCH_CLASSES order; NaN when the class is absent). */
  recall: number[];
  /** confusion[true][predicted]. */
  confusion: number[][];
}

export interface EpochRecord {
  epoch: number;
  /** Mean training loss over the epoch's batches. */
  loss: number;
  seconds: number;
  heldOut?: PatchCheck;
}

/** Patch-level accuracy / recall / confusion of a model on a dataset. */
export async function checkPatches(model: tf.LayersModel, dataset: PatchDataset): Promise<PatchCheck> {
  const k = PATCH_CLASSES.length;
  const confusion = PATCH_CLASSES.map(() => new Array<number>(k).fill(0));
  const chunk = 256;
  const area = dataset.size * dataset.size;
  for (let start = 0; start < dataset.n; start += chunk) {
    const n = Math.min(chunk, dataset.n - start);
    const probs = await predictPatches(model, { n, size: dataset.size, data: dataset.data.subarray(start * area, (start + n) * area) });
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (probs[i * k + c]! > probs[i * k + best]!) best = c;
      confusion[dataset.labels[start + i]!]![best]!++;
    }
  }
  const recall = confusion.map((row, c) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total ? row[c]! / total : Number.NaN;
  });
  const correct = confusion.reduce((s, row, c) => s + row[c]!, 0);
  return { n: dataset.n, accuracy: dataset.n ? correct / dataset.n : Number.NaN, recall, confusion };
}

export async function trainPatchCnn(model: tf.LayersModel, train: PatchDataset, options: TrainCnnOptions): Promise<EpochRecord[]> {
  const { epochs, batchSize } = options;
  const rng = mulberry32(options.seed);
  const stepsPerEpoch = Math.floor(train.n / batchSize);
  if (stepsPerEpoch < 1) throw new Error(`trainPatchCnn: ${train.n} patches is less than one batch of ${batchSize}`);
  const totalSteps = stepsPerEpoch * epochs;
  const optimizer = tf.train.adam(options.learningRate);
  // Adam reads its (protected) rate on every step, which is how the schedule below is applied.
  const schedule = optimizer as unknown as { learningRate: number };
  // LayerVariable.read() hands back the tf.Variable itself; minimising over exactly these keeps
  // any other model's variables (e.g. the ablation net) out of this optimiser.
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const weightsTensor = tf.tensor1d(options.classWeights ?? PATCH_CLASSES.map(() => 1));
  const area = train.size * train.size;
  const batch = new Float32Array(batchSize * area);
  const batchLabels = new Int32Array(batchSize);
  const history: EpochRecord[] = [];
  let step = 0;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const started = performance.now();
    const order = shuffled(train.n, rng);
    let lossSum = 0;
    for (let b = 0; b < stepsPerEpoch; b++) {
      for (let i = 0; i < batchSize; i++) {
        const index = order[b * batchSize + i]!;
        copyAugmented(train, index, Math.floor(rng.next() * 8), batch, i * area);
        batchLabels[i] = train.labels[index]!;
      }
      // Cosine decay to 5% of the initial rate: large steps early, fine-tuning at the end.
      const progress = step / Math.max(1, totalSteps - 1);
      schedule.learningRate = options.learningRate * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI * progress)));
      const lossTensor = optimizer.minimize(
        () =>
          tf.tidy(() => {
            const x = tf.tensor4d(batch, [batchSize, train.size, train.size, 1]);
            const labels = tf.tensor1d(batchLabels, 'int32');
            const probs = model.apply(x, { training: true }) as tf.Tensor2D;
            const oneHot = tf.oneHot(labels, PATCH_CLASSES.length);
            const logLikelihood = tf.sum(tf.mul(oneHot, tf.log(tf.clipByValue(probs, 1e-7, 1))), 1);
            const w = tf.gather(weightsTensor, labels);
            return tf.div(tf.neg(tf.sum(tf.mul(w, logLikelihood))), tf.sum(w)) as tf.Scalar;
          }),
        true,
        variables,
      );
      const loss = (await lossTensor!.data())[0]!;
      lossTensor!.dispose();
      lossSum += loss;
      step++;
      options.onStep?.(step, totalSteps, loss);
    }
    const record: EpochRecord = { epoch, loss: lossSum / stepsPerEpoch, seconds: (performance.now() - started) / 1000 };
    if (options.heldOut && options.heldOut.n > 0) record.heldOut = await checkPatches(model, options.heldOut);
    history.push(record);
  }
  weightsTensor.dispose();
  optimizer.dispose();
  return history;
}
