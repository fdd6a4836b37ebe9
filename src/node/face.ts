// The face nets in Node (portrait evaluation, tests): face-api's CommonJS build on our tfjs, with
// the weights read from the package's own model folder, the files the app serves.
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DETECTOR_SIDE, detectFaces, type FaceModels } from '../core/face/detect-faces.ts';
import { decodeFaceWeights, FACE_NETS, faceModelsFrom, type FaceApiModule, type FaceNet, type WeightsManifest } from '../core/face/face-weights.ts';
import type { DetectedFace } from '../core/face/types.ts';
import { downscaleRgba, toLuma, workingSize } from '../core/image/image.ts';
import type { RgbaImage } from '../core/types.ts';

const require = createRequire(import.meta.url);

/** face-api's own model folder inside node_modules. */
export const FACE_MODEL_DIR = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');

export function readFaceNet(tfModule: typeof tf, net: FaceNet, name: string, dir = FACE_MODEL_DIR): void {
  const manifest = JSON.parse(readFileSync(join(dir, `${name}-weights_manifest.json`), 'utf8')) as WeightsManifest;
  const shards = manifest.flatMap((group) => group.paths.map((p) => new Uint8Array(readFileSync(join(dir, p)))));
  net.loadFromWeightMap(decodeFaceWeights(tfModule, manifest, shards));
}

/** face-api's Node build with the extra nets the portrait set uses (the SSD reference detector). */
export type FaceApiNode = FaceApiModule & {
  nets: FaceApiModule['nets'] & { ssdMobilenetv1: FaceNet };
  SsdMobilenetv1Options: new (options: { minConfidence: number }) => unknown;
  detectAllFaces(input: tf.Tensor3D, options: unknown): Promise<Array<{ box: { x: number; y: number; width: number; height: number }; score: number }>>;
};
let faceApi: FaceApiNode | null = null;

/** face-api's Node build (it requires the same @tensorflow/tfjs this process uses). */
export function faceApiNode(): FaceApiNode {
  faceApi ??= require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApiNode;
  return faceApi;
}

export function loadFaceModelsNode(): FaceModels {
  const api = faceApiNode();
  readFaceNet(tf, api.nets.tinyFaceDetector, FACE_NETS.detector);
  readFaceNet(tf, api.nets.faceLandmark68TinyNet, FACE_NETS.landmarks);
  return faceModelsFrom(tf, api);
}

/** detectFaces with the detector's small copy made by area downscale (the worker uses a canvas). */
export function detectFacesNode(models: FaceModels, working: RgbaImage): Promise<DetectedFace[]> {
  const size = workingSize(working.width, working.height, DETECTOR_SIDE);
  return detectFaces(models, toLuma(working), downscaleRgba(working, size.width, size.height));
}
