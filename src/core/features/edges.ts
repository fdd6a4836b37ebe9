// Edge density and edge width (Marziliano et al. 2002): blur spreads every edge over more pixels
// and lets weak edges fade below threshold.

import type { LumaImage } from '../types.ts';
import type { OpenCv } from '../image/opencv-types.ts';
import { lumaToMat, sobelXY, withMats } from '../image/image.ts';
import { noiseSigmaOfLuma } from './noise.ts';
import { SOBEL_NOISE_GAIN } from './tiles.ts';

export interface EdgeStats {
  /** Fraction of examined pixels that are strong edge pixels (gradient local maxima over threshold). */
  density: number;
  /** Mean width (px) between the luma extrema on either side of each strong edge, along its gradient. */
  meanWidth: number;
  medianWidth: number;
  /** 25th percentile of widths: the crispest quarter, which a sharp subject keeps in a soft scene. */
  p25Width: number;
  /** Number of edges measured. */
  count: number;
  /**
   * Mean width of the edges whose gradient points along 0, 45, 90 and 135 degrees (image
   * coordinates, y down), and how many edges each mean is over: motion blur widens only the edges
   * across its direction, defocus widens all alike, and the scene's own orientation changes only the
   * counts.
   */
  directionalWidths: number[];
  directionalCounts: number[];
  /** Gradient magnitude threshold (Sobel units) that was used. */
  threshold: number;
}

/**
 * Sobel magnitude of a crisp step of 10 grey levels (4 x 10): weaker edges are too faint to measure a
 * width on, whatever the blur.
 */
const MIN_EDGE_MAGNITUDE = 40;
/**
 * Noise Sobel magnitude is Rayleigh with scale sqrt(12) sigma; 4.5 scales leave ~1 in 25000 noise
 * pixels above threshold.
 */
const NOISE_MAGNITUDE_FACTOR = 4.5 * Math.sqrt(SOBEL_NOISE_GAIN / 2);
/** Longest walk (px) from an edge to its extremum; wider edges count as this wide. */
const MAX_HALF_WIDTH = 24;
/**
 * Width reported when no edge is strong enough to measure: an image without a single crisp edge is
 * as blurry as the widest edge we can measure (and widths stay finite for the fusion head).
 */
const NO_EDGE_WIDTH = 2 * MAX_HALF_WIDTH;
/** A walk ends after this many steps without a significant rise. */
const MAX_STALL = 2;
/**
 * Rows examined per image: sampling rows keeps the cost bounded at any resolution, and densities
 * and width statistics stay unbiased (240 rows of a working-size photo still hold thousands of edges).
 */
const SAMPLED_ROWS = 240;
const HISTOGRAM_BIN = 0.25;
const TAN_22_5 = Math.SQRT2 - 1;

/**
 * Steps from pixel i along (dx, dy) while luma keeps rising (sign +1) or falling (-1) and returns the
 * number of steps to the extremum. Rises under `tolerance` count as flat, so noise neither stops the
 * walk early on a slow ramp nor lets it run across a plateau.
 */
function walkToExtremum(
  data: Float32Array, w: number, h: number, x: number, y: number,
  dx: number, dy: number, sign: number, tolerance: number,
): number {
  let best = sign * data[y * w + x];
  let bestStep = 0;
  for (let k = 1; k <= MAX_HALF_WIDTH; k++) {
    const px = x + k * dx, py = y + k * dy;
    if (px < 0 || py < 0 || px >= w || py >= h) break;
    const v = sign * data[py * w + px];
    if (v > best + tolerance) {
      best = v;
      bestStep = k;
    } else if (v < best - tolerance || k - bestStep > MAX_STALL) {
      break;
    }
  }
  return bestStep;
}

/** Edge statistics from precomputed 3x3 Sobel derivatives and the image noise level. */
export function edgeStatsOf(luma: LumaImage, gx: Float32Array, gy: Float32Array, sigma: number): EdgeStats {
  const { width: w, height: h, data } = luma;
  const threshold = Math.max(MIN_EDGE_MAGNITUDE, NOISE_MAGNITUDE_FACTOR * sigma);
  const t2 = threshold * threshold;
  const tolerance = 0.5 + sigma;
  const bins = new Float64Array(Math.ceil((2 * MAX_HALF_WIDTH * Math.SQRT2) / HISTOGRAM_BIN) + 2);
  let examined = 0, count = 0, widthSum = 0;
  const directionSums = [0, 0, 0, 0];
  const directionCounts = [0, 0, 0, 0];
  const rowStep = Math.max(1, Math.floor((h - 2) / SAMPLED_ROWS));
  for (let y = 1; y < h - 1; y += rowStep) {
    examined += w - 2;
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const a = gx[i], b = gy[i];
      const m2 = a * a + b * b;
      if (m2 < t2) continue;
      // Quantise the gradient direction to one of 4 neighbours (Canny's scheme).
      const ax = a < 0 ? -a : a, ay = b < 0 ? -b : b;
      let dx: number, dy: number, direction: number;
      if (ay <= TAN_22_5 * ax) { dx = 1; dy = 0; direction = 0; }
      else if (ax <= TAN_22_5 * ay) { dx = 0; dy = 1; direction = 2; }
      else if (a * b > 0) { dx = 1; dy = 1; direction = 1; }
      else { dx = 1; dy = -1; direction = 3; }
      const j = i + dy * w + dx, k = i - dy * w - dx;
      const mj = gx[j] * gx[j] + gy[j] * gy[j];
      const mk = gx[k] * gx[k] + gy[k] * gy[k];
      // Non-maximum suppression; the strict/non-strict pair keeps one pixel of a two-pixel ridge.
      if (m2 < mj || m2 <= mk) continue;
      // Luma rises along +gradient: orient the step with it.
      const sign = a * dx + b * dy > 0 ? 1 : -1;
      const up = walkToExtremum(data, w, h, x, y, dx, dy, sign, tolerance);
      const down = walkToExtremum(data, w, h, x, y, -dx, -dy, -sign, tolerance);
      const width = Math.max(1, up + down) * (dx !== 0 && dy !== 0 ? Math.SQRT2 : 1);
      widthSum += width;
      count++;
      directionSums[direction] += width;
      directionCounts[direction]++;
      bins[Math.min(bins.length - 1, Math.round(width / HISTOGRAM_BIN))]++;
    }
  }
  return {
    density: examined > 0 ? count / examined : 0,
    meanWidth: count > 0 ? widthSum / count : NO_EDGE_WIDTH,
    medianWidth: histogramQuantile(bins, count, 0.5),
    p25Width: histogramQuantile(bins, count, 0.25),
    count,
    threshold,
    directionalWidths: directionSums.map((sum, d) => (directionCounts[d] > 0 ? sum / directionCounts[d] : 0)),
    directionalCounts: directionCounts,
  };
}

function histogramQuantile(bins: Float64Array, total: number, q: number): number {
  if (total === 0) return NO_EDGE_WIDTH;
  const target = q * total;
  let seen = 0;
  for (let b = 0; b < bins.length; b++) {
    seen += bins[b];
    if (seen >= target) return b * HISTOGRAM_BIN;
  }
  return (bins.length - 1) * HISTOGRAM_BIN;
}

/** Edge density and width of a luma image. */
export function edgeStats(cv: OpenCv, luma: LumaImage): EdgeStats {
  return withMats(cv, (scope) => {
    const { gx, gy } = sobelXY(cv, scope.keep(lumaToMat(cv, luma)));
    return edgeStatsOf(luma, gx, gy, noiseSigmaOfLuma(luma));
  });
}
