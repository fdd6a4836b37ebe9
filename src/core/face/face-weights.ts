// The third-party face nets the app ships (from the @vladmandic/face-api package, MIT; see
// models/README.md "Third-party models"). Each is a face-api weights manifest plus one .bin shard,
// served under models/faces/ and read from node_modules in Node.
import type * as tfTypes from '@tensorflow/tfjs';
import type { FaceModels, LandmarkNet } from './detect-faces.ts';
import type { TinyDetectorNet } from './tiny-face-detector.ts';

export const FACE_NETS = {
  detector: 'tiny_face_detector_model',
  landmarks: 'face_landmark_68_tiny_model',
} as const;

export type FaceNetName = keyof typeof FACE_NETS;

export type WeightsManifest = Array<{ paths: string[]; weights: tfTypes.io.WeightsManifestEntry[] }>;

/** The tensors of one net from its manifest and its shards (in manifest order). */
export function decodeFaceWeights(tf: typeof tfTypes, manifest: WeightsManifest, shards: Uint8Array[]): tfTypes.NamedTensorMap {
  const total = shards.reduce((n, s) => n + s.byteLength, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const shard of shards) {
    bytes.set(shard, offset);
    offset += shard.byteLength;
  }
  return tf.io.decodeWeights(bytes.buffer, manifest.flatMap((group) => group.weights));
}

export interface FaceNet {
  loadFromWeightMap(map: tfTypes.NamedTensorMap): void;
}

/** The part of face-api (its ESM build in the worker, its CommonJS build in Node) the app uses.
 * Its own type declarations name a second copy of tfjs-core's types, so it is seen through this. */
export interface FaceApiModule {
  nets: { tinyFaceDetector: FaceNet & TinyDetectorNet; faceLandmark68TinyNet: FaceNet & LandmarkNet };
}

/** The loaded nets as the face pass takes them. */
export function faceModelsFrom(tf: typeof tfTypes, api: FaceApiModule): FaceModels {
  return {
    tf,
    detector: api.nets.tinyFaceDetector,
    landmarks: api.nets.faceLandmark68TinyNet,
  };
}
