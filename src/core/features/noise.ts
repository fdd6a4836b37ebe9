// Sensor/compression noise level: noise inflates every high-frequency sharpness measure, so the
// features subtract its expected contribution. The estimate must not mistake crisp edges for noise,
// or it would subtract sharpness itself.

import type { LumaImage } from '../types.ts';
import type { OpenCv } from '../image/opencv-types.ts';

/** sigma = IMMERKAER_SCALE * mean |I * N| for white gaussian noise (N has sum of squares 36). */
const IMMERKAER_SCALE = Math.sqrt(Math.PI / 2) / 6;
/**
 * Pixels whose 3x3 Sobel L1 gradient exceeds this many sigmas are structure, not noise: for pure
 * noise |gx| + |gy| stays below ~10 sigma at 95% (each component has sd sqrt(12) sigma).
 */
const GATE_SIGMAS = 10;
/** Histogram of the gradient (L1 Sobel units) used to re-gate without another pass over the image. */
const GRADIENT_BIN = 0.5;
const GRADIENT_BINS = 800;
/** Rows sampled per image: ~160 rows x width px is plenty for a mean, and bounds the cost. */
const SAMPLED_ROWS = 160;
/** Pixels this close to 0 or 255 are clipped: noise there is flattened away. */
const CLIP_MARGIN = 2;

/**
 * Noise standard deviation (grey levels, 0..255 scale): Immerkær's fast estimator
 * (mean |I * [1 -2 1; -2 4 -2; 1 -2 1]|, which cancels linear structure) restricted to pixels whose
 * Sobel gradient is small compared with the noise itself (Tai & Yang 2008). The Sobel kernels are
 * orthogonal to Immerkær's, so for gaussian noise the gate does not bias the estimate; the gate is
 * found by fixed-point iteration starting from the ungated value, which on a clean image converges
 * towards the residual of its flat areas instead of the energy of its edges.
 * About 160 rows are sampled (the statistic needs far fewer pixels than a photo has). Pure JS: `cv` only keeps the (cv, luma) signature of the feature modules.
 */
export function noiseSigma(_cv: OpenCv, luma: LumaImage): number {
  return noiseSigmaOfLuma(luma);
}

export function noiseSigmaOfLuma(luma: LumaImage): number {
  const { width: w, height: h, data } = luma;
  if (w < 3 || h < 3) return 0;
  const count = new Int32Array(GRADIENT_BINS + 1);
  const sumAbs = new Float64Array(GRADIENT_BINS + 1);
  const rowStep = Math.max(1, Math.floor((h - 2) / SAMPLED_ROWS));
  for (let y = 1; y < h - 1; y += rowStep) {
    const r0 = (y - 1) * w, r1 = y * w, r2 = (y + 1) * w;
    // Rolling 3x3 window: column a (x-1), b (x), c (x+1) of rows 0..2.
    let a0 = data[r0], b0 = data[r0 + 1];
    let a1 = data[r1], b1 = data[r1 + 1];
    let a2 = data[r2], b2 = data[r2 + 1];
    for (let x = 1; x < w - 1; x++) {
      const c0 = data[r0 + x + 1], c1 = data[r1 + x + 1], c2 = data[r2 + x + 1];
      if (b1 > CLIP_MARGIN && b1 < 255 - CLIP_MARGIN) {
        const n = a0 - 2 * b0 + c0 - 2 * (a1 - 2 * b1 + c1) + (a2 - 2 * b2 + c2);
        const gx = c0 + 2 * c1 + c2 - (a0 + 2 * a1 + a2);
        const gy = a2 + 2 * b2 + c2 - (a0 + 2 * b0 + c0);
        const g = (gx < 0 ? -gx : gx) + (gy < 0 ? -gy : gy);
        const bin = Math.min(GRADIENT_BINS, (g / GRADIENT_BIN) | 0);
        count[bin]++;
        sumAbs[bin] += n < 0 ? -n : n;
      }
      a0 = b0; b0 = c0;
      a1 = b1; b1 = c1;
      a2 = b2; b2 = c2;
    }
  }
  let sigma = gatedSigma(count, sumAbs, GRADIENT_BINS + 1);
  for (let iteration = 0; iteration < 20; iteration++) {
    const gate = Math.max(1, Math.ceil((GATE_SIGMAS * sigma) / GRADIENT_BIN));
    const next = gatedSigma(count, sumAbs, Math.min(GRADIENT_BINS + 1, gate));
    if (Math.abs(next - sigma) < 1e-3) return next;
    sigma = next;
  }
  return sigma;
}

/** Immerkær sigma over the pixels in the first `bins` gradient bins. */
function gatedSigma(count: Int32Array, sumAbs: Float64Array, bins: number): number {
  let n = 0, s = 0;
  for (let b = 0; b < bins; b++) {
    n += count[b];
    s += sumAbs[b];
  }
  return n > 0 ? (IMMERKAER_SCALE * s) / n : 0;
}
