// Face detection on the device with the face-api nets (tiny face detector + 68-point tiny
// landmarks). Core only sees the two nets through a small structural type, so the worker (ESM
// build, weights fetched from our origin) and Node (CommonJS build, weights read from disk) hand
// in their own loaded copies, the way the CNN is handed in as a LayersModel.
import type * as tfTypes from '@tensorflow/tfjs';
import type { LumaImage, RgbaImage } from '../types.ts';
import { MIN_JUDGED_FACE } from './subject-focus.ts';
import { locateFaces, type TinyDetectorNet } from './tiny-face-detector.ts';
import type { DetectedFace, FaceBox, Point } from './types.ts';

/**
 * Long side the detector looks at (padded to multiples of 32, tiny-face-detector.ts). Chosen by
 * measurement on the people photos (README "Faces"): the tiny detector's anchors find faces of
 * ~12-60% of its input, so at 320 it finds every face of 15% of the long side or more and 89 of 92
 * of 10% or more, where 416 loses the closest headshots and 224 half the faces under 15%; a
 * 320 square costs ~0.6x a 416 one.
 */
export const DETECTOR_SIDE = 320;
/** The detector's default 0.5 drops some profile and tilted faces; 0.4 found them without
 * false faces on the tuning photos. */
export const DETECTOR_MIN_SCORE = 0.4;
/** The landmark net's input is 112 px; crops are shrunk to at most twice that in JS first so a
 * big face does not become a multi-megabyte tensor. */
const LANDMARK_CROP_MAX = 224;


export interface LandmarkNet {
  detectLandmarks(input: tfTypes.Tensor3D): Promise<{ positions: Point[] } | Array<{ positions: Point[] }>>;
}

export interface FaceModels {
  tf: typeof tfTypes;
  detector: TinyDetectorNet;
  landmarks: LandmarkNet;
}

/** The face's pixels from the working luma as grey RGB (the decoder gives the working size in
 * luma only), box-averaged by an integer factor when large. */
function faceCrop(image: LumaImage, box: FaceBox): { rgb: Float32Array; width: number; height: number; factor: number; x0: number; y0: number } {
  const x0 = Math.max(0, Math.floor(box.x)), y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(image.width, Math.ceil(box.x + box.width)), y1 = Math.min(image.height, Math.ceil(box.y + box.height));
  const factor = Math.max(1, Math.floor(Math.max(x1 - x0, y1 - y0) / LANDMARK_CROP_MAX));
  const width = Math.max(1, Math.floor((x1 - x0) / factor)), height = Math.max(1, Math.floor((y1 - y0) / factor));
  const rgb = new Float32Array(width * height * 3);
  const norm = 1 / (factor * factor);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = 0;
      for (let dy = 0; dy < factor; dy++) {
        let i = (y0 + y * factor + dy) * image.width + x0 + x * factor;
        for (let dx = 0; dx < factor; dx++, i++) v += image.data[i]!;
      }
      const o = (y * width + x) * 3;
      rgb[o] = rgb[o + 1] = rgb[o + 2] = v * norm;
    }
  }
  return { rgb, width, height, factor, x0, y0 };
}

/**
 * Faces in `working` (the analysis luma), found on `small` (the same photo in colour with its long
 * side at most DETECTOR_SIDE, made by the decoder). Landmarks are read on the working luma, only
 * for faces big enough to judge; boxes and points are in working-image pixels.
 */
export async function detectFaces(models: FaceModels, working: LumaImage, small: RgbaImage): Promise<DetectedFace[]> {
  const { tf } = models;
  const found = await locateFaces(tf, models.detector, small, DETECTOR_MIN_SCORE);
  const scale = working.width / small.width;
  const faces: DetectedFace[] = [];
  for (const f of found) {
    const box = { x: f.box.x * scale, y: f.box.y * scale, width: f.box.width * scale, height: f.box.height * scale };
    let landmarks: Point[] | null = null;
    if (Math.min(box.width, box.height) >= MIN_JUDGED_FACE) {
      const crop = faceCrop(working, box);
      const tensor = tf.tensor3d(crop.rgb, [crop.height, crop.width, 3]);
      try {
        const result = await models.landmarks.detectLandmarks(tensor);
        const positions = (Array.isArray(result) ? result[0]! : result).positions;
        landmarks = positions.map((p) => ({ x: crop.x0 + p.x * crop.factor, y: crop.y0 + p.y * crop.factor }));
      } finally {
        tensor.dispose();
      }
    }
    faces.push({ box, score: f.score, landmarks });
  }
  return faces;
}
