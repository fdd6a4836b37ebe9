import type { SubjectFocus } from './face/types.ts';

// Shared vocabulary of the analysis: every layer (worker, bridge, app, training, eval) speaks it.

export type Verdict = 'sharp' | 'blurry' | 'uncertain';
export type BlurType = 'defocus' | 'motion' | 'gaussian';
export const BLUR_TYPES: readonly BlurType[] = ['defocus', 'motion', 'gaussian'];

/** The blur type with the highest probability (the first in BLUR_TYPES on a tie). */
export function likeliestType(types: Record<BlurType, number>): BlurType {
  return BLUR_TYPES.reduce((a, b) => (types[b] > types[a] ? b : a));
}

/** The cause a person is told, so they know what to do next time: 'motion' (camera shake or a
 * moving subject: hold steadier, faster shutter) or 'out-of-focus' (missed focus or overall
 * softness: tap to focus, clean the lens). Defocus and gaussian softness are one cause to a person;
 * the model keeps them apart internally because it helps training. */
export type BlurCause = 'motion' | 'out-of-focus';
export const BLUR_CAUSES: readonly BlurCause[] = ['motion', 'out-of-focus'];

export function causeOf(type: BlurType): BlurCause {
  return type === 'motion' ? 'motion' : 'out-of-focus';
}

/** The likelier cause: motion against defocus and gaussian together (ties go to out of focus). */
export function likeliestCause(types: Record<BlurType, number>): BlurCause {
  return types.motion > types.defocus + types.gaussian ? 'motion' : 'out-of-focus';
}

/** Classes of the patch CNN, in output order. */
export type PatchClass = 'sharp' | BlurType;
export const PATCH_CLASSES: readonly PatchClass[] = ['sharp', 'defocus', 'motion', 'gaussian'];

/** Interleaved 8-bit RGBA, as ImageData or a JPEG decoder gives it. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** Single-channel luminance, 0..255, row-major. The analysis works on this. */
export interface LumaImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** Coarse grid of local sharpness; 1 = sharp, 0 = blurry. Row-major, cols x rows. */
export interface RegionMap {
  cols: number;
  rows: number;
  sharpness: number[];
}

/** Named scalar features behind a verdict (kept so reports and the UI can explain it). */
export type FeatureVector = Record<string, number>;

export interface Analysis {
  /** Name of the detector that produced this (e.g. 'fused', 'features', 'laplacian-100'). */
  detector: string;
  /** Calibrated probability that the photo is blurry (as a whole: a sharp subject keeps it sharp). */
  probability: number;
  verdict: Verdict;
  /** Most likely blur type; null when the verdict is sharp. */
  blurType: BlurType | null;
  typeProbabilities: Record<BlurType, number> | null;
  regions: RegionMap;
  features: FeatureVector;
  /** Size the analysis ran at (working resolution) and the photo's own size. */
  width: number;
  height: number;
  sourceWidth: number;
  sourceHeight: number;
  /** The faces and what they decided (src/core/face); absent when the face pass did not run. */
  subject?: SubjectFocus;
}
