// Ablation: the seed project's whole-image CNN (4 conv + 2 dense on the photo squeezed to
// 200x200), trained on the same images with the same loop, so the report can show what
// squeezing the photo costs against patches at working resolution. Not exported to the app.
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import type { LumaImage } from '../src/core/types.ts';
import { PATCH_CLASSES } from '../src/core/types.ts';
import type { RunConfig } from './config.ts';
import { deriveSeed } from './data/rng.ts';
import { saveLayersModelToDir } from './model-files.ts';
import { classCounts, classWeightsFor, type PatchDataset } from './patch-dataset.ts';
import { createProgress } from '../src/node/progress.ts';
import { checkPatches, trainPatchCnn, type EpochRecord, type PatchCheck } from './train-patch-cnn.ts';
import { loadWorkingLuma } from './stages/data.ts';
import type { DataImage } from './stages/data-images.ts';

export interface WholeImageHistory {
  size: number;
  weightCount: number;
  history: EpochRecord[];
  heldOut: PatchCheck;
  seconds: number;
}

/** Area-average resample to size x size, ignoring aspect ratio (as the seed did), scaled to 0..1. */
export function squeezeLuma(luma: LumaImage, size: number): Float32Array {
  const out = new Float32Array(size * size);
  const sx = luma.width / size;
  const sy = luma.height / size;
  for (let y = 0; y < size; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.min(luma.height, Math.floor((y + 1) * sy)));
    for (let x = 0; x < size; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.min(luma.width, Math.floor((x + 1) * sx)));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) sum += luma.data[yy * luma.width + xx]!;
      out[y * size + x] = sum / ((y1 - y0) * (x1 - x0)) / 255;
    }
  }
  return out;
}

/** 4 conv (3x3, each followed by 2x2 max pooling) + dense 32 + dense softmax. Channel counts are
 * the seed's shape scaled down (8-16-32-32) so the ablation trains in ~2 min on 2 cores. */
export function buildWholeImageCnn(size: number, seed: number): tf.Sequential {
  const model = tf.sequential({ name: 'whole_image_cnn' });
  [8, 16, 32, 32].forEach((filters, i) => {
    model.add(
      tf.layers.conv2d({
        ...(i === 0 ? { inputShape: [size, size, 1] } : {}),
        filters,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: tf.initializers.heNormal({ seed: seed + i }),
      }),
    );
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  });
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 32, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: seed + 10 }) }));
  model.add(tf.layers.dense({ units: PATCH_CLASSES.length, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 11 }) }));
  return model;
}

function squeezedDataset(images: readonly DataImage[], dataDir: string, size: number, onImage: (done: number) => void): PatchDataset {
  const area = size * size;
  const data = new Float32Array(images.length * area);
  images.forEach((im, i) => {
    data.set(squeezeLuma(loadWorkingLuma(join(dataDir, im.file)), size), i * area);
    onImage(i + 1);
  });
  return {
    n: images.length,
    size,
    data,
    labels: Int32Array.from(images, (im) => PATCH_CLASSES.indexOf(im.label)),
    image: Int32Array.from(images, (_, i) => i),
  };
}

export async function trainWholeImageCnn(
  config: RunConfig,
  trainImages: readonly DataImage[],
  heldOutImages: readonly DataImage[],
  dataDir: string,
  outDir: string,
): Promise<WholeImageHistory> {
  const size = config.wholeImage.size;
  const loading = createProgress('cnn: whole-image ablation, squeezing', trainImages.length + heldOutImages.length);
  const train = squeezedDataset(trainImages, dataDir, size, (d) => loading.update(d));
  const heldOut = squeezedDataset(heldOutImages, dataDir, size, (d) => loading.update(trainImages.length + d));
  loading.finish();
  const seed = deriveSeed(config.seed, 'whole-image-cnn');
  const model = buildWholeImageCnn(size, seed);
  const batchSize = 16;
  const steps = Math.floor(train.n / batchSize) * config.wholeImage.epochs;
  const progress = createProgress('cnn: whole-image ablation, training', steps);
  const started = performance.now();
  const history = await trainPatchCnn(model, train, {
    epochs: config.wholeImage.epochs,
    batchSize,
    learningRate: 1e-3,
    classWeights: classWeightsFor(classCounts(train.labels), config.cnn.imbalance),
    seed,
    onStep: (step, _total, loss) => progress.update(step, `loss ${loss.toFixed(3)}`),
  });
  const heldOutCheck = await checkPatches(model, heldOut);
  progress.finish(`held-out accuracy ${(100 * heldOutCheck.accuracy).toFixed(1)}%`);
  await saveLayersModelToDir(model, outDir);
  const weightCount = model.countParams();
  model.dispose();
  return { size, weightCount, history, heldOut: heldOutCheck, seconds: (performance.now() - started) / 1000 };
}
