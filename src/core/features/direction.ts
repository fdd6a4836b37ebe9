// Directional blur: motion blur widens the edges that cross its direction and leaves the edges
// along it crisp; defocus and gaussian blur widen edges of every orientation alike.

import type { LumaImage } from '../types.ts';
import type { CvMat, OpenCv } from '../image/opencv-types.ts';
import { downscaleMat, lumaToMat, sobelXY, withMats } from '../image/image.ts';
import { noiseSigmaOfLuma } from './noise.ts';
import { edgeStatsOf, type EdgeStats } from './edges.ts';

/** Mean outer product of the gradient, per pixel: <gx^2>, <gy^2>, <gx gy>. */
export interface StructureTensor {
  xx: number;
  yy: number;
  xy: number;
}

export interface DirectionalBlur {
  /**
   * How unequal edge widths are across edge orientations, 0..1: amplitude / mean of
   * w(theta) = a + b cos 2theta + c sin 2theta fitted to the mean widths of edges whose gradient
   * points along 0/45/90/135 degrees. Scene orientation (buildings, horizons) changes how many edges
   * each orientation has, not how wide they are, so it barely moves this; motion blur does.
   */
  anisotropy: number;
  /**
   * Direction of the widest edges' gradient, i.e. the likely motion, degrees in [0, 180): 0
   * horizontal, 90 vertical, counter-clockwise as displayed (y up). Meaningful when anisotropy is high.
   */
  angle: number;
  /**
   * Second opinion from gradient energy: 1 - min/max over directions of (energy at full scale /
   * energy at half scale). Scene-normalised by the half-scale reference, but fooled by textures that
   * exist at one scale only (brick walls).
   */
  scaleAnisotropy: number;
  /** Plain full-scale gradient anisotropy (lambda1 - lambda2) / (lambda1 + lambda2): scene + blur. */
  gradientAnisotropy: number;
}

/** Sum of squares of one 3x3 Sobel kernel: white noise of variance s^2 adds 12 s^2 to <gx^2>. */
const SOBEL_AXIS_NOISE_GAIN = 12;
/**
 * Pseudo-count of edges at the image's mean width added to each orientation, so an orientation with
 * a handful of edges cannot fake anisotropy.
 */
const WIDTH_PRIOR_EDGES = 30;
/** Smallest side (px) of the half-scale image for a meaningful tensor. */
const MIN_COARSE_SIDE = 8;
export const EMPTY_TENSOR: StructureTensor = { xx: 0, yy: 0, xy: 0 };
/** Fraction of the mean energy added to every direction so near-empty directions cannot dominate. */
const ENERGY_FLOOR = 0.02;
const ANGLE_STEPS = 180;

/** Pixels sampled for a tensor: a mean over ~250k gradients is as good as over all of them. */
const TENSOR_SAMPLES = 250_000;

/** Structure tensor, noise-compensated, over an evenly strided sample of the pixels. */
export function structureTensorOf(gx: Float32Array, gy: Float32Array, sigma = 0): StructureTensor {
  // An odd stride so the samples do not line up in columns.
  const stride = Math.max(1, Math.floor(gx.length / TENSOR_SAMPLES)) | 1;
  let xx = 0, yy = 0, xy = 0, n = 0;
  for (let i = 0; i < gx.length; i += stride, n++) {
    const a = gx[i], b = gy[i];
    xx += a * a;
    yy += b * b;
    xy += a * b;
  }
  n = Math.max(1, n);
  return withoutNoise({ xx: xx / n, yy: yy / n, xy: xy / n }, sigma);
}

/** Removes white noise's expected share (12 sigma^2 on each diagonal term) from a mean tensor. */
export function withoutNoise(t: StructureTensor, sigma: number): StructureTensor {
  const noise = SOBEL_AXIS_NOISE_GAIN * sigma * sigma;
  return { xx: Math.max(0, t.xx - noise), yy: Math.max(0, t.yy - noise), xy: t.xy };
}

/** Image-coordinate angle (radians, y down) to degrees as displayed (y up), in [0, 180). */
function displayedDegrees(theta: number): number {
  const degrees = (-theta * 180) / Math.PI;
  return ((degrees % 180) + 180) % 180;
}

/** Width-based anisotropy and angle from per-orientation edge widths. */
export function widthAnisotropy(edges: EdgeStats): { anisotropy: number; angle: number } {
  if (edges.count === 0) return { anisotropy: 0, angle: 0 };
  const m = edges.directionalWidths.map(
    (width, d) =>
      (width * edges.directionalCounts[d] + WIDTH_PRIOR_EDGES * edges.meanWidth) /
      (edges.directionalCounts[d] + WIDTH_PRIOR_EDGES),
  );
  // Orientations 0, 45, 90, 135 degrees: least-squares fit of a + b cos 2t + c sin 2t.
  const a = (m[0] + m[1] + m[2] + m[3]) / 4;
  const b = (m[0] - m[2]) / 2;
  const c = (m[1] - m[3]) / 2;
  const anisotropy = a > 0 ? Math.min(1, Math.hypot(b, c) / a) : 0;
  return { anisotropy, angle: displayedDegrees(Math.atan2(c, b) / 2) };
}

/** 1 - min/max over directions of fine/coarse directional gradient energy. */
export function scaleAnisotropy(fine: StructureTensor, coarse: StructureTensor): number {
  const fineTrace = fine.xx + fine.yy;
  const coarseTrace = coarse.xx + coarse.yy;
  if (fineTrace <= 0 || coarseTrace <= 0) return 0;
  const fineFloor = (ENERGY_FLOOR * fineTrace) / 2;
  const coarseFloor = (ENERGY_FLOOR * coarseTrace) / 2;
  let min = Infinity, max = 0;
  for (let k = 0; k < ANGLE_STEPS; k++) {
    const theta = (k * Math.PI) / ANGLE_STEPS;
    const c = Math.cos(theta), s = Math.sin(theta);
    const fineEnergy = fine.xx * c * c + 2 * fine.xy * c * s + fine.yy * s * s;
    const coarseEnergy = coarse.xx * c * c + 2 * coarse.xy * c * s + coarse.yy * s * s;
    const ratio = (fineEnergy + fineFloor) / (coarseEnergy + coarseFloor);
    min = Math.min(min, ratio);
    max = Math.max(max, ratio);
  }
  return max > 0 ? 1 - min / max : 0;
}

export function directionalBlurOf(edges: EdgeStats, fine: StructureTensor, coarse: StructureTensor): DirectionalBlur {
  const trace = fine.xx + fine.yy;
  const gradientAnisotropy = trace > 0 ? Math.hypot(fine.xx - fine.yy, 2 * fine.xy) / trace : 0;
  return { ...widthAnisotropy(edges), scaleAnisotropy: scaleAnisotropy(fine, coarse), gradientAnisotropy };
}

/** Smallest side (px) of the half-scale image for a meaningful reference tensor. */
export function hasHalfScale(half: CvMat): boolean {
  return Math.min(half.rows, half.cols) >= MIN_COARSE_SIDE;
}

/** Directional blur measures of a luma image. */
export function directionalBlur(cv: OpenCv, luma: LumaImage): DirectionalBlur {
  return withMats(cv, (scope) => {
    const full = scope.keep(lumaToMat(cv, luma));
    const half = scope.keep(downscaleMat(cv, full, 2));
    const sigma = noiseSigmaOfLuma(luma);
    const { gx, gy } = sobelXY(cv, full);
    const edges = edgeStatsOf(luma, gx, gy, sigma);
    // Area averaging over 2x2 pixels halves the noise's standard deviation.
    const coarse = hasHalfScale(half) ? sobelXY(cv, half) : null;
    const coarseTensor = coarse ? structureTensorOf(coarse.gx, coarse.gy, sigma / 2) : EMPTY_TENSOR;
    return directionalBlurOf(edges, structureTensorOf(gx, gy, sigma), coarseTensor);
  });
}
