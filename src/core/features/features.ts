// The classical feature vector behind a verdict: every measure in src/core, computed once, sharing
// the expensive intermediates (Laplacian, Sobel, pyramid).

import type { FeatureVector, LumaImage, RegionMap } from '../types.ts';
import type { OpenCv } from '../image/opencv-types.ts';
import { downscaleMat, lumaToMat, withMats } from '../image/image.ts';
import { LAPLACIAN_NOISE_GAIN, laplacianVarianceOfMat } from './laplacian.ts';
import { noiseSigmaOfLuma } from './noise.ts';
import { LOG_RATIO_BLURRY, tileMeasuresOf, toRegionMap, type TileMeasures } from './tiles.ts';
import { edgeStatsOf } from './edges.ts';
import { EMPTY_TENSOR, directionalBlurOf, hasHalfScale, structureTensorOf, withoutNoise } from './direction.ts';

/**
 * Feature order is part of the fusion head's contract: append new names at the end, never reorder.
 * Units: lapLogVar* are ln(1 + variance of the 3x3 Laplacian) at 1x, 2x, 4x area downscale;
 * *Denoised subtract the noise's expected share (20 sigma^2 / scale^2) first; noiseSigma and
 * luma* are in grey levels (0..255); tile* come from the 16x12 region map; edge widths in pixels.
 */
export const FEATURE_NAMES = [
  'lapLogVar1',
  'lapLogVar2',
  'lapLogVar4',
  'lapLogVarDenoised1',
  'lapLogVarDenoised2',
  'lapLogVarDenoised4',
  'lapLogVarPerContrast',
  'noiseSigma',
  'tileSharpMax',
  'tileSharpP90',
  'tileSharpMedian',
  'tileSharpMean',
  'tileSharpFraction',
  'tileTexturedFraction',
  'tileLogRatioP90',
  'tileLogRatioMedian',
  'edgeDensity',
  'edgeWidthMean',
  'edgeWidthMedian',
  'edgeWidthP25',
  'anisotropy',
  'scaleAnisotropy',
  'gradientAnisotropy',
  'lumaMean',
  'lumaContrast',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface ExtractedFeatures {
  features: FeatureVector;
  regions: RegionMap;
  /** Direction of the lost detail (degrees, see DirectionalBlur.angle); meaningful when anisotropy is high. */
  motionAngle: number;
}

/** Tile sharpness above which a tile counts as sharp. */
const SHARP_TILE = 0.6;
/** Tile confidence above which a tile counts as textured (measurable). */
const TEXTURED_TILE = 0.5;

/**
 * Computes all classical features and the region map of a working-resolution luma image. Pass
 * `timings` to receive milliseconds per feature group.
 */
export function extractFeatures(cv: OpenCv, luma: LumaImage, timings?: Record<string, number>): ExtractedFeatures {
  const clock = stopwatch(timings);
  return withMats(cv, (scope) => {
    const full = scope.keep(lumaToMat(cv, luma));
    const mean = scope.mat();
    const std = scope.mat();
    cv.meanStdDev(full, mean, std);
    const lumaMean = mean.data64F[0];
    const lumaContrast = std.data64F[0];
    clock('prepare');

    const lap = scope.mat();
    cv.Laplacian(full, lap, cv.CV_32F, 1, 1, 0, cv.BORDER_REFLECT_101);
    cv.meanStdDev(lap, mean, std);
    const half = scope.keep(downscaleMat(cv, full, 2));
    const quarter = scope.keep(downscaleMat(cv, half, 2));
    const variances = [std.data64F[0] ** 2, laplacianVarianceOfMat(cv, half), laplacianVarianceOfMat(cv, quarter)];
    clock('laplacian');

    const gx = scope.mat();
    const gy = scope.mat();
    cv.Sobel(full, gx, cv.CV_32F, 1, 0, 3, 1, 0, cv.BORDER_REFLECT_101);
    cv.Sobel(full, gy, cv.CV_32F, 0, 1, 3, 1, 0, cv.BORDER_REFLECT_101);
    const halfGx = scope.mat();
    const halfGy = scope.mat();
    const coarse = hasHalfScale(half);
    if (coarse) {
      cv.Sobel(half, halfGx, cv.CV_32F, 1, 0, 3, 1, 0, cv.BORDER_REFLECT_101);
      cv.Sobel(half, halfGy, cv.CV_32F, 0, 1, 3, 1, 0, cv.BORDER_REFLECT_101);
    }
    clock('sobel');

    // From here on no opencv call may run: these are views into the wasm heap, which a growing heap
    // would detach. Reading them in place saves copying ~8 MB per image per array.
    const lapValues = lap.data32F;
    const gxValues = gx.data32F;
    const gyValues = gy.data32F;

    const sigma = noiseSigmaOfLuma(luma);
    const noiseVar = sigma * sigma;
    const denoised = variances.map((v, k) => Math.max(0, v - (LAPLACIAN_NOISE_GAIN * noiseVar) / 4 ** k));
    clock('noise');

    const tiles = tileMeasuresOf(luma, lapValues, gxValues, gyValues, sigma);
    const tileStats = summariseTiles(tiles);
    clock('tiles');

    const edges = edgeStatsOf(luma, gxValues, gyValues, sigma);
    clock('edges');

    // Area averaging over 2x2 pixels halves the noise's standard deviation.
    const coarseTensor = coarse ? structureTensorOf(halfGx.data32F, halfGy.data32F, sigma / 2) : EMPTY_TENSOR;
    const direction = directionalBlurOf(edges, withoutNoise(tiles.gradientTensor, sigma), coarseTensor);
    clock('direction');

    const values: Record<FeatureName, number> = {
      lapLogVar1: Math.log1p(variances[0]),
      lapLogVar2: Math.log1p(variances[1]),
      lapLogVar4: Math.log1p(variances[2]),
      lapLogVarDenoised1: Math.log1p(denoised[0]),
      lapLogVarDenoised2: Math.log1p(denoised[1]),
      lapLogVarDenoised4: Math.log1p(denoised[2]),
      lapLogVarPerContrast: Math.log((denoised[0] + 1) / (Math.max(0, lumaContrast ** 2 - noiseVar) + 1)),
      noiseSigma: sigma,
      ...tileStats,
      edgeDensity: edges.density,
      edgeWidthMean: edges.meanWidth,
      edgeWidthMedian: edges.medianWidth,
      edgeWidthP25: edges.p25Width,
      anisotropy: direction.anisotropy,
      scaleAnisotropy: direction.scaleAnisotropy,
      gradientAnisotropy: direction.gradientAnisotropy,
      lumaMean,
      lumaContrast,
    };
    const features: FeatureVector = {};
    for (const name of FEATURE_NAMES) features[name] = values[name];
    return { features, regions: toRegionMap(tiles), motionAngle: direction.angle };
  });
}

type TileFeatureName =
  | 'tileSharpMax' | 'tileSharpP90' | 'tileSharpMedian' | 'tileSharpMean'
  | 'tileSharpFraction' | 'tileTexturedFraction' | 'tileLogRatioP90' | 'tileLogRatioMedian';

/**
 * Tile statistics. Max and p90 carry a sharp subject in a soft scene; median and mean carry the
 * scene as a whole. Log ratios are read over textured tiles only (flat ones have no edges to judge).
 */
export function summariseTiles(tiles: TileMeasures): Record<TileFeatureName, number> {
  const sharpness = Float64Array.from(tiles.sharpness).sort();
  const textured: number[] = [];
  let sharpTextured = 0;
  for (let t = 0; t < tiles.sharpness.length; t++) {
    if (tiles.confidence[t] < TEXTURED_TILE) continue;
    textured.push(tiles.logRatio[t]);
    if (tiles.sharpness[t] >= SHARP_TILE) sharpTextured++;
  }
  const ratios = Float64Array.from(textured).sort();
  const noDetail = LOG_RATIO_BLURRY - 1;
  let sum = 0;
  for (const s of sharpness) sum += s;
  return {
    tileSharpMax: sharpness[sharpness.length - 1],
    tileSharpP90: quantile(sharpness, 0.9, 0.5),
    tileSharpMedian: quantile(sharpness, 0.5, 0.5),
    tileSharpMean: sum / sharpness.length,
    tileSharpFraction: textured.length > 0 ? sharpTextured / textured.length : 0,
    tileTexturedFraction: textured.length / sharpness.length,
    tileLogRatioP90: quantile(ratios, 0.9, noDetail),
    tileLogRatioMedian: quantile(ratios, 0.5, noDetail),
  };
}

/** Linear-interpolated quantile of sorted values; `empty` when there are none. */
function quantile(sorted: Float64Array, q: number, empty: number): number {
  if (sorted.length === 0) return empty;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function stopwatch(timings?: Record<string, number>): (group: string) => void {
  if (!timings) return () => {};
  let last = performance.now();
  return (group) => {
    const now = performance.now();
    timings[group] = (timings[group] ?? 0) + (now - last);
    last = now;
  };
}
