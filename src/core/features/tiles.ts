// Local sharpness on a coarse grid: where in the photo is it sharp? A sharp subject in front of a
// soft background must show up here even when global measures call the photo blurry.

import type { LumaImage, RegionMap } from '../types.ts';
import type { OpenCv } from '../image/opencv-types.ts';
import { lumaToMat, sobelXY, withMats } from '../image/image.ts';
import { LAPLACIAN_NOISE_GAIN, laplacianOfMat } from './laplacian.ts';
import { noiseSigmaOfLuma } from './noise.ts';

export interface Grid {
  cols: number;
  rows: number;
}

/** Sum of squares of both 3x3 Sobel kernels: white noise of variance s^2 adds this * s^2 to |grad|^2. */
export const SOBEL_NOISE_GAIN = 24;

/**
 * ln(Laplacian energy / Sobel gradient energy) of a tile. Both are noise-compensated; their ratio
 * does not depend on contrast and falls as 1/width^2 of the tile's edges. On the sharp photo set
 * (~500-1000 px) textured tiles read about -2 as they are, -4.3 after a gaussian blur of sigma 1,
 * -5.7 at sigma 2 and -6.6 at sigma 3. The anchors below put the middle of the 0..1 scale near
 * sigma 1.2: at a ~1600 px working resolution that is where softness starts to show on screen.
 */
export const LOG_RATIO_SHARP = -3.5;
export const LOG_RATIO_BLURRY = -5.5;
/** Reported log ratios stop here (about a gaussian sigma of 6): below, noise compensation decides. */
const LOG_RATIO_FLOOR = -9;
/** Tile luma standard deviation (grey levels, above noise) at which a tile is half trusted. */
const CONTRAST_HALF_TRUST = 4;
/**
 * Flat tiles have no edges to judge, so they report what the textured tiles around them and in the
 * whole photo say (a clear sky in a sharp landscape is as sharp as the landscape); with no textured
 * tile at all, 0.5: unknown.
 * Falling back to a constant instead would make a blurrier photo look sharper, since blur lowers
 * contrast and so trust. The prior counts as this many tiles of neutral evidence.
 */
const NEUTRAL_SHARPNESS = 0.5;
const NEUTRAL_WEIGHT = 1;
/**
 * Noise energy is subtracted with a margin of this many standard errors: a tile's mean squared
 * Laplacian of pure noise scatters by ~2.2 / sqrt(n) of its expectation (chi-square, neighbouring
 * Laplacian values correlated), and without the margin that scatter reads as fine detail.
 */
const NOISE_MARGIN_SE = 3;

export interface TileMeasures {
  grid: Grid;
  /** Per-tile ln(Laplacian energy / gradient energy), noise-compensated (row-major). */
  logRatio: Float64Array;
  /** Per-tile trust in 0..1 from local contrast above the noise; 0 for empty or flat tiles. */
  confidence: Float64Array;
  /** Per-tile sharpness 0..1; flat tiles lean towards the photo's textured tiles (0.5 if none). */
  sharpness: Float64Array;
  /**
   * Whole-image mean Sobel outer product <gx^2>, <gy^2>, <gx gy> over the sampled pixels (not
   * noise-compensated): the directional measures get it from this pass for free.
   */
  gradientTensor: { xx: number; yy: number; xy: number };
}

/**
 * Rows sampled per tile row: ~32 rows of every tile give stable energies; sampling rows keeps the
 * pass cheap on working-size photos while small images use every row.
 */
const ROWS_PER_TILE = 32;

/** 16 x 12 for landscape (and square) images, 12 x 16 for portrait. */
export function defaultGrid(width: number, height: number): Grid {
  return width >= height ? { cols: 16, rows: 12 } : { cols: 12, rows: 16 };
}

/** Maps each of `length` pixels to one of `parts` tiles (tile i covers floor(i*length/parts)...). */
function tileIndex(length: number, parts: number): Int32Array {
  const index = new Int32Array(length);
  for (let p = 0; p < length; p++) index[p] = Math.min(parts - 1, Math.floor((p * parts) / length));
  return index;
}

/**
 * Per-tile measures from precomputed full-resolution responses: `lap` the 3x3 Laplacian, `gx`/`gy`
 * the 3x3 Sobel derivatives, `sigma` the image noise level.
 */
export function tileMeasuresOf(
  luma: LumaImage,
  lap: Float32Array,
  gx: Float32Array,
  gy: Float32Array,
  sigma: number,
  grid: Grid = defaultGrid(luma.width, luma.height),
): TileMeasures {
  const { width: w, height: h, data } = luma;
  const tiles = grid.cols * grid.rows;
  const n = new Float64Array(tiles);
  const sum = new Float64Array(tiles);
  const sumSq = new Float64Array(tiles);
  const lapSq = new Float64Array(tiles);
  const gradSq = new Float64Array(tiles);
  const colTile = tileIndex(w, grid.cols);
  const rowTile = tileIndex(h, grid.rows);
  const rowStep = Math.max(1, Math.floor(h / (grid.rows * ROWS_PER_TILE)));
  let xx = 0, yy = 0, xy = 0, samples = 0;
  for (let y = 0; y < h; y += rowStep) {
    const rowBase = rowTile[y] * grid.cols;
    let x = 0;
    while (x < w) {
      // Accumulate a run of columns of one tile in locals, then add once.
      const tile = colTile[x];
      let s = 0, ss = 0, ll = 0, gg = 0, count = 0;
      for (; x < w && colTile[x] === tile; x++, count++) {
        const i = y * w + x;
        const v = data[i];
        const l = lap[i];
        const a = gx[i];
        const b = gy[i];
        s += v;
        ss += v * v;
        ll += l * l;
        const aa = a * a, bb = b * b;
        gg += aa + bb;
        xx += aa;
        yy += bb;
        xy += a * b;
      }
      const t = rowBase + tile;
      n[t] += count;
      sum[t] += s;
      sumSq[t] += ss;
      lapSq[t] += ll;
      gradSq[t] += gg;
      samples += count;
    }
  }
  const noiseVar = sigma * sigma;
  // Floors keep the ratio finite on flat tiles: the gradient floor is the energy of half a grey level
  // of noise, and the Laplacian floor makes 0/0 read as 'no fine detail' (below LOG_RATIO_BLURRY).
  const gradFloor = SOBEL_NOISE_GAIN * 0.25;
  const lapFloor = gradFloor * Math.exp(LOG_RATIO_BLURRY - 1);
  const logRatio = new Float64Array(tiles);
  const confidence = new Float64Array(tiles);
  const local = new Float64Array(tiles);
  let trustSum = 0, trustedSharpness = 0;
  for (let t = 0; t < tiles; t++) {
    if (n[t] === 0) {
      logRatio[t] = Math.log(lapFloor / gradFloor);
      continue;
    }
    const margin = 1 + (NOISE_MARGIN_SE * 2.2) / Math.sqrt(n[t]);
    const lapEnergy = Math.max(0, lapSq[t] / n[t] - margin * LAPLACIAN_NOISE_GAIN * noiseVar);
    const gradEnergy = Math.max(0, gradSq[t] / n[t] - SOBEL_NOISE_GAIN * noiseVar);
    const mean = sum[t] / n[t];
    const contrastVar = Math.max(0, sumSq[t] / n[t] - mean * mean - noiseVar);
    logRatio[t] = Math.max(LOG_RATIO_FLOOR, Math.log((lapEnergy + lapFloor) / (gradEnergy + gradFloor)));
    local[t] = clamp01((logRatio[t] - LOG_RATIO_BLURRY) / (LOG_RATIO_SHARP - LOG_RATIO_BLURRY));
    confidence[t] = contrastVar / (contrastVar + CONTRAST_HALF_TRUST * CONTRAST_HALF_TRUST);
    trustSum += confidence[t];
    trustedSharpness += confidence[t] * local[t];
  }
  const globalPrior = (trustedSharpness + NEUTRAL_WEIGHT * NEUTRAL_SHARPNESS) / (trustSum + NEUTRAL_WEIGHT);
  const sharpness = new Float64Array(tiles);
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      // A flat tile leans on its textured neighbours first (a flat patch of a sharp subject is
      // surrounded by sharp tiles), then on the whole photo.
      let weight = NEUTRAL_WEIGHT, weighted = NEUTRAL_WEIGHT * globalPrior;
      for (let nr = Math.max(0, r - 1); nr <= Math.min(grid.rows - 1, r + 1); nr++) {
        for (let nc = Math.max(0, c - 1); nc <= Math.min(grid.cols - 1, c + 1); nc++) {
          const u = nr * grid.cols + nc;
          weight += confidence[u];
          weighted += confidence[u] * local[u];
        }
      }
      const t = r * grid.cols + c;
      sharpness[t] = confidence[t] * local[t] + (1 - confidence[t]) * (weighted / weight);
    }
  }
  const m = Math.max(1, samples);
  return { grid, logRatio, confidence, sharpness, gradientTensor: { xx: xx / m, yy: yy / m, xy: xy / m } };
}

/** Full per-tile measures straight from a luma image. */
export function tileMeasures(cv: OpenCv, luma: LumaImage, grid?: Grid): TileMeasures {
  return withMats(cv, (scope) => {
    const mat = scope.keep(lumaToMat(cv, luma));
    const lap = laplacianOfMat(cv, mat).values;
    const { gx, gy } = sobelXY(cv, mat);
    return tileMeasuresOf(luma, lap, gx, gy, noiseSigmaOfLuma(luma), grid);
  });
}

/** Region map of local sharpness (1 sharp, 0 blurry), 16x12 tiles for landscape, 12x16 for portrait. */
export function laplacianTiles(cv: OpenCv, luma: LumaImage, grid?: Grid): RegionMap {
  return toRegionMap(tileMeasures(cv, luma, grid));
}

export function toRegionMap(measures: TileMeasures): RegionMap {
  return { cols: measures.grid.cols, rows: measures.grid.rows, sharpness: Array.from(measures.sharpness) };
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}
