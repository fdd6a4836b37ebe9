// The one model bundle: what training exports to models/ (the patch CNN and the fusion heads),
// loaded through a reader so the worker (fetch, through the service worker's precache) and Node
// (files: eval, training's export check) load the same files the same way. A missing head
// degrades to a simpler detector (createAnalyzer lists what the bundle allows).
import * as tf from '@tensorflow/tfjs';
import { predictPatches } from './cnn/cnn.ts';
import { PATCH_SIZE } from './cnn/patches.ts';
import type { FusionParams } from './fusion/head.ts';
import type { FaceModels } from './face/detect-faces.ts';

export interface Models {
  cnn?: tf.LayersModel;
  fusion?: FusionParams;
  featuresHead?: FusionParams;
  /** The third-party face nets (src/core/face), loaded apart: without them there is no face pass. */
  faces?: FaceModels;
}

/** Where the model files come from. Names are relative to the models folder. */
export interface ModelReader {
  /** A JSON file, or undefined when there is none. */
  json<T>(name: string): Promise<T | undefined>;
  /** What tfjs loads the layers model in this folder from (a URL or an IOHandler), or undefined when there is none. */
  layersModel(dir: string): string | tf.io.IOHandler | undefined;
}

/** The CNN is loaded only with the fused head that reads it. */
export async function loadModels(reader: ModelReader): Promise<Models> {
  const [fusion, featuresHead] = await Promise.all([reader.json<FusionParams>('fusion.json'), reader.json<FusionParams>('features-head.json')]);
  const source = fusion ? reader.layersModel('patch-cnn') : undefined;
  const cnn = source ? await tf.loadLayersModel(source) : undefined;
  return { cnn, fusion, featuresHead };
}

/** Runs the CNN once on a blank patch, so the backend's one-time set-up (kernels, shaders, weight
 * upload) is paid while the worker starts, not by the first photo. Every tensor is freed. */
export async function warmUp(models: Models): Promise<void> {
  if (models.cnn) await predictPatches(models.cnn, { data: new Float32Array(PATCH_SIZE * PATCH_SIZE), n: 1, size: PATCH_SIZE });
}
