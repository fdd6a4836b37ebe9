// How sharp a face is, judged on its eyes region against the face's own contrast and noise.
//
// The measure is "how much detail a further slight blur removes" (Crete-Roffet et al. 2007, on
// gradient energy): blurring a crisp edge with a [1 2 1]/4 kernel removes ~62% of its gradient
// energy, an edge already soft by a gaussian sigma of 1 px loses ~18%, of 2 px ~6%. Being a
// ratio of two energies of the same pixels it does not depend on the face's contrast (a pale,
// low-contrast face and a made-up one read alike), and the noise's known share of each energy is
// subtracted first, so grain does not pass for detail. It runs at the working resolution, where
// the frame's own verdict is made, so a face and the background are judged at the same scale.
import type { LumaImage } from '../types.ts';
import { noiseSigmaOfLuma } from '../features/noise.ts';
import type { FaceBox } from './types.ts';

/** Gradient energy (dx^2 + dy^2) per unit noise variance: 2 + 2 for plain differences; for
 * differences after the separable [1 2 1]/4 blur, (1/4)(3/8) per axis, twice. */
const NOISE_ENERGY_RAW = 4;
const NOISE_ENERGY_BLURRED = 2 * 0.25 * 0.375;
/** Share of gradient energy the [1 2 1]/4 blur removes from an ideal step edge (1 - 6/16): the
 * measure is scaled so such an edge reads 1. */
const IDEAL_EDGE_LOSS = 0.625;
/** Below this signal-to-noise (detail energy over noise energy) the eyes region has nothing to
 * judge (an overexposed face, a face in deep shadow): no reading rather than a guess. Low, since
 * the noise's share is subtracted in expectation (a soft face under noise of sigma 2 reads 0.127
 * against 0.130 clean, on the unit test's scene), and a soft face in a dim room must still read soft. */
const MIN_DETAIL_SNR = 0.5;
/** Below this many pixels the ratio is dominated by a handful of edges. */
const MIN_REGION_PIXELS = 24 * 12;

export interface FaceSharpnessReading {
  /** 0 (soft) .. 1 (as crisp as an ideal edge). */
  sharpness: number;
  /** Standard deviation of luma in the eyes region (grey levels). */
  contrast: number;
  /** Noise standard deviation estimated on the whole face (grey levels). */
  noise: number;
}

function crop(luma: LumaImage, box: FaceBox): LumaImage {
  const data = new Float32Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    const from = (box.y + y) * luma.width + box.x;
    data.set(luma.data.subarray(from, from + box.width), y * box.width);
  }
  return { width: box.width, height: box.height, data };
}

/** Separable [1 2 1]/4 blur, edges replicated. */
function binomialBlur(image: LumaImage): LumaImage {
  const { width: w, height: h, data } = image;
  const tmp = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const r = y * w;
    for (let x = 0; x < w; x++) {
      const l = data[r + Math.max(0, x - 1)]!, c = data[r + x]!, rr = data[r + Math.min(w - 1, x + 1)]!;
      tmp[r + x] = 0.25 * l + 0.5 * c + 0.25 * rr;
    }
  }
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const up = Math.max(0, y - 1) * w, mid = y * w, down = Math.min(h - 1, y + 1) * w;
    for (let x = 0; x < w; x++) out[mid + x] = 0.25 * tmp[up + x]! + 0.5 * tmp[mid + x]! + 0.25 * tmp[down + x]!;
  }
  return { width: w, height: h, data: out };
}

/** Mean of dx^2 + dy^2 over the pixels at least `border` from the edge. */
function gradientEnergy(image: LumaImage, border: number): number {
  const { width: w, height: h, data } = image;
  let sum = 0;
  let n = 0;
  for (let y = border; y < h - border - 1; y++) {
    for (let x = border; x < w - border - 1; x++) {
      const i = y * w + x;
      const dx = data[i + 1]! - data[i]!;
      const dy = data[i + w]! - data[i]!;
      sum += dx * dx + dy * dy;
      n++;
    }
  }
  return n > 0 ? sum / n : 0;
}

function standardDeviation(data: Float32Array): number {
  let s = 0, s2 = 0;
  for (const v of data) {
    s += v;
    s2 += v * v;
  }
  const mean = s / data.length;
  return Math.sqrt(Math.max(0, s2 / data.length - mean * mean));
}

/**
 * Sharpness of the eyes region `eyes` of the face `face` (both in `luma`'s pixels). Null when the
 * region is too small or has too little detail above the noise to judge.
 */
export function faceSharpness(luma: LumaImage, face: FaceBox, eyes: FaceBox): FaceSharpnessReading | null {
  if (eyes.width * eyes.height < MIN_REGION_PIXELS || eyes.width < 8 || eyes.height < 6) return null;
  const region = crop(luma, eyes);
  const noise = noiseSigmaOfLuma(crop(luma, clip(face, luma)));
  const variance = noise * noise;
  // The blurred copy is compared 1 px in from the edge, where replicated borders do not matter.
  const raw = gradientEnergy(region, 1) - NOISE_ENERGY_RAW * variance;
  const blurred = gradientEnergy(binomialBlur(region), 1) - NOISE_ENERGY_BLURRED * variance;
  if (!(raw > MIN_DETAIL_SNR * NOISE_ENERGY_RAW * Math.max(variance, 1))) return null;
  const loss = 1 - Math.max(0, blurred) / raw;
  return { sharpness: Math.min(1, Math.max(0, loss / IDEAL_EDGE_LOSS)), contrast: standardDeviation(region.data), noise };
}

function clip(box: FaceBox, luma: LumaImage): FaceBox {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  const right = Math.min(luma.width, Math.ceil(box.x + box.width));
  const bottom = Math.min(luma.height, Math.ceil(box.y + box.height));
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}
