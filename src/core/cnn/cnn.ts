// The patch CNN: says, for one 64x64 normalised luma patch, whether it is sharp or which blur it
// shows. Small on purpose: it runs on ~48 patches per photo inside a Web Worker on wasm.
import * as tf from '@tensorflow/tfjs';
import { PATCH_CLASSES } from '../types.ts';
import { PATCH_SIZE, type PatchSet } from './patches.ts';

/** Upper bound on the exported weights (float32 bytes); the app downloads and caches them. */
export const CNN_WEIGHT_BUDGET_BYTES = 2 * 1024 * 1024;

/** Conv stack: [filters, kernel, stride] per layer.
 * - The first layer keeps full resolution (stride 1): the finest detail is where blur shows first.
 * - Then stride-2 3x3 convs instead of pooling (cheaper on wasm, and they learn what to keep).
 * - Five layers give a ~60 px receptive field, i.e. the whole patch, so long motion streaks and
 *   wide defocus discs are seen in one view.
 * Channel counts were chosen for ~30 ms per 48 patches on 1-thread wasm SIMD. */
export const CNN_LAYERS: ReadonlyArray<readonly [filters: number, kernel: number, stride: number]> = [
  [8, 3, 1],
  [16, 3, 2],
  [24, 3, 2],
  [32, 3, 2],
  [48, 3, 2],
];

export interface PatchCnnOptions {
  /** Seed for the weight initialisers (training is reproducible from it). */
  seed?: number;
  layers?: ReadonlyArray<readonly [number, number, number]>;
  size?: number;
}

/** Builds the untrained network: conv stack -> global average pool -> dense softmax over PATCH_CLASSES.
 * Global average pooling makes the verdict an average of local evidence, so a patch that is sharp
 * anywhere in its extent is not averaged away by a 'flatten + dense' that memorises positions. */
export function buildPatchCnn(options: PatchCnnOptions = {}): tf.Sequential {
  const seed = options.seed ?? 1;
  const size = options.size ?? PATCH_SIZE;
  const layers = options.layers ?? CNN_LAYERS;
  const model = tf.sequential({ name: 'patch_cnn' });
  layers.forEach(([filters, kernelSize, strides], i) => {
    model.add(
      tf.layers.conv2d({
        ...(i === 0 ? { inputShape: [size, size, 1] } : {}),
        filters,
        kernelSize,
        strides,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: tf.initializers.heNormal({ seed: seed * 101 + i }),
        name: `conv${i + 1}`,
      }),
    );
  });
  model.add(tf.layers.globalAveragePooling2d({ name: 'gap' }));
  model.add(
    tf.layers.dense({
      units: PATCH_CLASSES.length,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed * 101 + 99 }),
      name: 'classes',
    }),
  );
  return model;
}

/** Number of trainable + non-trainable parameters. */
export function weightCount(model: tf.LayersModel): number {
  return model.weights.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
}

/** Class probabilities per patch, n x PATCH_CLASSES.length row-major. Every tensor is freed. */
export async function predictPatches(model: tf.LayersModel, patches: Pick<PatchSet, 'data' | 'n' | 'size'>): Promise<Float32Array> {
  if (patches.n === 0) return new Float32Array(0);
  const output = tf.tidy(() => {
    const input = tf.tensor4d(patches.data, [patches.n, patches.size, patches.size, 1]);
    return model.predict(input) as tf.Tensor;
  });
  try {
    return (await output.data()) as Float32Array;
  } finally {
    output.dispose();
  }
}
