// Canny edges for display, aware that a blurry photo has no noise left to smooth away.

import type { LumaImage } from '../types.ts';
import type { OpenCv } from '../image/opencv-types.ts';
import { lumaToMat, withMats } from '../image/image.ts';
import { laplacianVarianceOfMat } from './laplacian.ts';
import { LAPLACIAN_BLUR_THRESHOLD } from './baseline.ts';

export interface CannyOptions {
  /** Skip the gaussian pre-smoothing; decided from the variance of the Laplacian when undefined. */
  alreadyBlurry?: boolean;
  /** Hysteresis thresholds on the L2 Sobel magnitude (0 .. ~1443 for 8-bit luma). */
  low?: number;
  high?: number;
}

export interface CannyEdges {
  width: number;
  height: number;
  /** 255 on edge pixels, 0 elsewhere, row-major. */
  edges: Uint8Array;
  /** Whether the gaussian pre-smoothing ran. */
  smoothed: boolean;
}

/** Canny's own pre-smoothing: 5x5 gaussian, sigma 1.4. */
const SMOOTHING_SIGMA = 1.4;
/** Auto high threshold: the magnitude exceeded by this fraction of pixels ... */
const AUTO_EDGE_FRACTION = 0.1;
/** ... but never below this, so flat images show no edges (a 5-grey-level crisp step = 20). */
const MIN_AUTO_HIGH = 20;
/** Canny's recommended low:high ratio is 1:2 to 1:3. */
const LOW_TO_HIGH = 0.4;
const TAN_22_5 = Math.SQRT2 - 1;

/**
 * Canny edge map. Gradient by opencv's Sobel; non-maximum suppression, double thresholding and
 * hysteresis are ours (not cv.Canny) so that the smoothing step can be skipped for blurry photos,
 * whose faint edges the extra smoothing would erase.
 */
export function blurAwareEdges(cv: OpenCv, luma: LumaImage, opts: CannyOptions = {}): CannyEdges {
  const { width: w, height: h } = luma;
  return withMats(cv, (scope) => {
    const mat = scope.keep(lumaToMat(cv, luma));
    const smoothed = !(opts.alreadyBlurry ?? laplacianVarianceOfMat(cv, mat) < LAPLACIAN_BLUR_THRESHOLD);
    let source = mat;
    if (smoothed) {
      source = scope.mat();
      cv.GaussianBlur(mat, source, new cv.Size(5, 5), SMOOTHING_SIGMA, SMOOTHING_SIGMA, cv.BORDER_REFLECT_101);
    }
    const dx = scope.mat();
    const dy = scope.mat();
    cv.Sobel(source, dx, cv.CV_32F, 1, 0, 3, 1, 0, cv.BORDER_REFLECT_101);
    cv.Sobel(source, dy, cv.CV_32F, 0, 1, 3, 1, 0, cv.BORDER_REFLECT_101);
    // Views into the wasm heap: valid because no opencv call runs from here on.
    const gx = dx.data32F;
    const gy = dy.data32F;
    const magnitude = new Float32Array(w * h);
    for (let i = 0; i < magnitude.length; i++) magnitude[i] = Math.sqrt(gx[i] * gx[i] + gy[i] * gy[i]);
    const high = opts.high ?? autoHighThreshold(magnitude);
    const low = opts.low ?? LOW_TO_HIGH * high;
    const thin = suppressNonMaxima(magnitude, gx, gy, w, h);
    return { width: w, height: h, edges: hysteresis(thin, w, h, low, high), smoothed };
  });
}

function autoHighThreshold(magnitude: Float32Array): number {
  const bins = new Uint32Array(1500);
  for (let i = 0; i < magnitude.length; i++) bins[Math.min(bins.length - 1, magnitude[i] | 0)]++;
  let above = 0;
  const target = AUTO_EDGE_FRACTION * magnitude.length;
  for (let b = bins.length - 1; b > 0; b--) {
    above += bins[b];
    if (above >= target) return Math.max(MIN_AUTO_HIGH, b);
  }
  return MIN_AUTO_HIGH;
}

/** Keeps a pixel's magnitude only where it is the maximum across the edge (border pixels drop). */
export function suppressNonMaxima(
  magnitude: Float32Array, gx: Float32Array, gy: Float32Array, w: number, h: number,
): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const m = magnitude[i];
      if (m === 0) continue;
      const a = gx[i], b = gy[i];
      const ax = a < 0 ? -a : a, ay = b < 0 ? -b : b;
      let offset: number;
      if (ay <= TAN_22_5 * ax) offset = 1;
      else if (ax <= TAN_22_5 * ay) offset = w;
      else offset = a * b > 0 ? w + 1 : w - 1;
      // Strict on one side only, so a plateau two pixels wide keeps exactly one of them.
      if (m > magnitude[i - offset] && m >= magnitude[i + offset]) out[i] = m;
    }
  }
  return out;
}

/** Double threshold + hysteresis: weak pixels survive when 8-connected to a strong one. */
export function hysteresis(thin: Float32Array, w: number, h: number, low: number, high: number): Uint8Array {
  const edges = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  let top = 0;
  for (let i = 0; i < thin.length; i++) {
    if (thin[i] >= high && thin[i] > 0 && edges[i] === 0) {
      edges[i] = 255;
      stack[top++] = i;
      while (top > 0) {
        const p = stack[--top];
        const px = p % w, py = (p - px) / w;
        for (let dy = -1; dy <= 1; dy++) {
          const ny = py + dy;
          if (ny < 0 || ny >= h) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const nx = px + dx;
            if (nx < 0 || nx >= w) continue;
            const q = ny * w + nx;
            if (edges[q] === 0 && thin[q] >= low && thin[q] > 0) {
              edges[q] = 255;
              stack[top++] = q;
            }
          }
        }
      }
    }
  }
  return edges;
}
