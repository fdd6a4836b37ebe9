// Sensor/compression noise level: noise inflates every high-frequency sharpness measure, so the
// features subtract its expected contribution.

import type { LumaImage } from './types.ts';
import type { OpenCv } from './opencv-types.ts';

/** Block side (px) for local estimates: big enough for a stable mean, small enough to find flat areas. */
const BLOCK = 32;
/**
 * Fraction of blocks (the flattest) the estimate is read from: texture raises the Immerkær residual,
 * flat areas show the noise alone, and most photos have at least this much flat area.
 */
const FLAT_QUANTILE = 0.1;
/** Pixels this close to 0 or 255 are clipped: noise there is flattened away. */
const CLIP_MARGIN = 2;

/**
 * Noise standard deviation (luma units, 0..255 scale) by Immerkær's fast estimator
 * (sigma = sqrt(pi/2) / 6 * mean |I * N|, N = [1 -2 1; -2 4 -2; 1 -2 1], which cancels linear
 * structure), made robust to texture by computing it per 32x32 block on every second row and taking a
 * low quantile over blocks, corrected for the quantile's own downward bias.
 * Pure JS: the `cv` parameter only keeps the (cv, luma) signature uniform across the feature modules.
 */
export function noiseSigma(_cv: OpenCv, luma: LumaImage): number {
  return noiseSigmaOfLuma(luma);
}

export function noiseSigmaOfLuma(luma: LumaImage): number {
  const { width: w, height: h, data } = luma;
  if (w < 3 || h < 3) return 0;
  const blocksX = Math.ceil(w / BLOCK);
  const blocksY = Math.ceil(h / BLOCK);
  const sumAbs = new Float64Array(blocksX * blocksY);
  const count = new Int32Array(blocksX * blocksY);
  for (let y = 1; y < h - 1; y += 2) {
    const r0 = (y - 1) * w, r1 = y * w, r2 = (y + 1) * w;
    const blockRow = ((y / BLOCK) | 0) * blocksX;
    // Rolling horizontal second differences of the three rows: N = d0 - 2 d1 + d2.
    let a0 = data[r0], b0 = data[r0 + 1];
    let a1 = data[r1], b1 = data[r1 + 1];
    let a2 = data[r2], b2 = data[r2 + 1];
    for (let x = 1; x < w - 1; x++) {
      const c0 = data[r0 + x + 1], c1 = data[r1 + x + 1], c2 = data[r2 + x + 1];
      if (b1 > CLIP_MARGIN && b1 < 255 - CLIP_MARGIN) {
        const n = a0 - 2 * b0 + c0 - 2 * (a1 - 2 * b1 + c1) + (a2 - 2 * b2 + c2);
        const block = blockRow + ((x / BLOCK) | 0);
        sumAbs[block] += n < 0 ? -n : n;
        count[block]++;
      }
      a0 = b0; b0 = c0;
      a1 = b1; b1 = c1;
      a2 = b2; b2 = c2;
    }
  }
  const sigmas: number[] = [];
  let samples = 0;
  for (let b = 0; b < count.length; b++) samples = Math.max(samples, count[b]);
  // Blocks cut by the image border or by clipping count only if at least half full.
  for (let b = 0; b < count.length; b++) {
    if (count[b] >= Math.max(4, samples / 2)) sigmas.push((Math.sqrt(Math.PI / 2) / 6) * (sumAbs[b] / count[b]));
  }
  if (sigmas.length === 0) return 0;
  sigmas.sort((p, q) => p - q);
  const low = sigmas[Math.floor(FLAT_QUANTILE * (sigmas.length - 1))];
  // For pure noise, a block's mean |residual| has relative spread sqrt(pi/2 - 1)/sqrt(n); the
  // quantile of blocks sits ~1.28 (z of 10%) spreads below the true value. Only correct when many blocks.
  const spread = Math.sqrt(Math.PI / 2 - 1) / Math.sqrt(samples);
  const bias = sigmas.length >= 10 ? Math.max(0.5, 1 - 1.2816 * spread) : 1;
  return low / bias;
}
