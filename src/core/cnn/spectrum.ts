// How a photo's detail fades with frequency, from the same patches the CNN sees: the radial power
// spectrum of the most textured patches, as band-to-band drops, and the dip a defocus disc leaves in
// it. A defocus disc and a gaussian of the same width fall differently (the disc drops fast, then
// keeps faint side lobes; the gaussian keeps more mid detail, then falls off a cliff), which the
// Laplacian features and the 64 px CNN hardly tell apart. Measured on 200 blurred training images:
// the bands alone separate defocus from gaussian with AUC ~0.75 (0.83 accuracy on heavy blur, near
// a coin flip on mild and medium blur, where the two kernels differ only at frequencies the phone
// pipeline destroys). The disc's transfer function also has zeros (the first at 0.61 / radius
// cycles per px) where a gaussian's has none; averaged over patches in log units they leave a
// notch in the profile. Its depth separates defocus from gaussian with AUC 0.72 on the 900 head and
// type-set images (mostly on medium and heavy blur). The fused head reads them in both layers. In
// the blur layer they also tell blur from sharp: same CNN, 600-image validation AUC 0.974 -> 0.979
// with them (a numpy replica of fitHead), 0.982 with them and the type set (the shipped fit).
import type { FeatureVector } from '../types.ts';
import { FLAT_TEXTURE, type PatchSet } from './patches.ts';

/** Radial frequency bands in FFT bins of a 64 px patch (bin k = k/64 cycles per px). The first band
 * is the reference every other band is measured against. */
const BANDS: readonly (readonly [number, number])[] = [
  [2, 3],
  [4, 5],
  [6, 8],
  [9, 12],
  [13, 17],
  [18, 24],
  [25, 31],
];

const BAND_FEATURE_NAMES = ['specBand4', 'specBand6', 'specBand9', 'specBand13', 'specBand18', 'specBand25'] as const;
/** Band drops, then the notch depth (fused head contract: append only). */
export const SPECTRUM_FEATURE_NAMES = [...BAND_FEATURE_NAMES, 'specNotch'] as const;

/** Radii (bins of a 64 px patch) searched for a notch: from past the reference band to where the
 * phone pipeline's noise floor flattens the profile. A disc of radius 1.5-12 px has its first zero
 * at bins 3-26. */
const NOTCH_RADII: readonly [number, number] = [3, 28];
/** A notch is measured against the profile this many bins either side of it. */
const NOTCH_SPAN = 2;
/** Floor under a ring's mean power before taking logs (patches are normalised to about +-0.5). */
const LOG_FLOOR = 1e-9;

/** Patches used: the most textured ones (flat patches carry only noise). */
const SPECTRUM_PATCHES = 16;

interface FftTables {
  cos: Float64Array;
  sin: Float64Array;
  /** Bit-reversed index of each i. */
  reversed: Uint16Array;
}

/** Built once per size and kept: the analysis runs hundreds of transforms of one size per photo. */
function perSize<T>(build: (n: number) => T): (n: number) => T {
  const cache = new Map<number, T>();
  return (n) => {
    let value = cache.get(n);
    if (value === undefined) cache.set(n, (value = build(n)));
    return value;
  };
}

/** Twiddles (cos/sin of -2 pi k / n) and the bit-reversal order of one FFT length. */
const tablesFor = perSize((n): FftTables => {
  const t = { cos: new Float64Array(n / 2), sin: new Float64Array(n / 2), reversed: new Uint16Array(n) };
  for (let k = 0; k < n / 2; k++) (t.cos[k] = Math.cos((-2 * Math.PI * k) / n)), (t.sin[k] = Math.sin((-2 * Math.PI * k) / n));
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    t.reversed[i] = j;
  }
  return t;
});

interface BlockScratch {
  re: Float64Array;
  im: Float64Array;
  /** Hann window (without it the block borders leak power into every band). */
  window: Float64Array;
  /** Rounded radius of each frequency bin, n/2 + 1 past the last band (skipped). */
  radius: Uint8Array;
  /** Bins at each radius 0..n/2 + 1. */
  ringCount: Float64Array;
}

/** FFT buffers (reused: the analysis is synchronous, one photo at a time), the window and the
 * radius of each bin, for one block size. */
const scratchFor = perSize((n): BlockScratch => {
  const half = n / 2;
  const radius = new Uint8Array(n * n);
  for (let y = 0; y < n; y++) {
    const fy = y < half ? y : y - n;
    for (let x = 0; x < n; x++) radius[y * n + x] = Math.min(half + 1, Math.round(Math.hypot(x < half ? x : x - n, fy)));
  }
  return {
    re: new Float64Array(n * n),
    im: new Float64Array(n * n),
    window: Float64Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1))),
    radius,
    ringCount: radius.reduce((count, r) => (count[r]!++, count), new Float64Array(half + 2)),
  };
});

/** In-place radix-2 FFT of n values starting at `offset`, `stride` apart (n a power of two). */
function fftInPlace(re: Float64Array, im: Float64Array, n: number, offset: number, stride: number): void {
  const { cos, sin, reversed } = tablesFor(n);
  for (let i = 1; i < n; i++) {
    const j = reversed[i]!;
    if (i < j) {
      const a = offset + i * stride;
      const b = offset + j * stride;
      const r = re[a]!;
      re[a] = re[b]!;
      re[b] = r;
      const m = im[a]!;
      im[a] = im[b]!;
      im[b] = m;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const step = n / len;
    for (let k = 0; k < half; k++) {
      const wr = cos[k * step]!;
      const wi = sin[k * step]!;
      for (let i = k; i < n; i += len) {
        const a = offset + i * stride;
        const b = a + half * stride;
        const vr = re[b]! * wr - im[b]! * wi;
        const vi = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - vr;
        im[b] = im[a]! - vi;
        re[a] = re[a]! + vr;
        im[a] = im[a]! + vi;
      }
    }
  }
}

/**
 * Power spectra of one n x n block (row-major), or of two at once, written to `power` and
 * `secondPower`. Two real blocks go through one complex FFT (the second as the imaginary part),
 * at half the cost, and are told apart by symmetry: with Z = FFT(a + i b),
 * A(k) = (Z(k) + conj Z(-k)) / 2 and B(k) = (Z(k) - conj Z(-k)) / 2i.
 */
export function blockPowerSpectra(
  block: ArrayLike<number>,
  second: ArrayLike<number> | null,
  n: number,
  window: Float64Array,
  power: Float64Array,
  secondPower: Float64Array | null,
): void {
  const { re, im } = scratchFor(n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const w = window[x]! * window[y]!;
      re[y * n + x] = block[y * n + x]! * w;
      im[y * n + x] = second ? second[y * n + x]! * w : 0;
    }
  }
  for (let y = 0; y < n; y++) fftInPlace(re, im, n, y * n, 1);
  for (let x = 0; x < n; x++) fftInPlace(re, im, n, x, n);
  if (!second) {
    for (let k = 0; k < n * n; k++) power[k] = re[k]! ** 2 + im[k]! ** 2;
    return;
  }
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const k = y * n + x;
      const mirror = ((n - y) % n) * n + ((n - x) % n);
      // Plain locals, not a destructured array: this runs 4096 times per pair of blocks.
      const zr = re[k]!;
      const zi = im[k]!;
      const mr = re[mirror]!;
      const mi = im[mirror]!;
      power[k] = ((zr + mr) ** 2 + (zi - mi) ** 2) / 4;
      if (secondPower) secondPower[k] = ((zi + mi) ** 2 + (zr - mr) ** 2) / 4;
    }
  }
}

/** Mean power per integer radius 0..n/2 of an n x n power spectrum (DC at index 0), written to
 * `out` when given (the per-block profiles reuse one buffer). */
export function radialProfile(power: Float64Array, n: number, out = new Float64Array(n / 2 + 1)): Float64Array {
  const half = n / 2;
  const { radius, ringCount } = scratchFor(n);
  out.fill(0);
  for (let k = 0; k < n * n; k++) {
    const r = radius[k]!;
    if (r <= half) out[r]! += power[k]!;
  }
  for (let r = 0; r <= half; r++) out[r]! /= Math.max(1, ringCount[r]!);
  return out;
}

/**
 * Spectrum features of a photo's patches: band log powers relative to the lowest band (natural log
 * units, <= ~0: how much of the coarse structure's energy survives at each finer scale), and
 * specNotch, the depth of the deepest dip in the patches' mean log radial profile (log units, >= 0).
 * Absent (empty object) when no patch has texture.
 */
export function spectrumFeatures(patches: PatchSet): FeatureVector {
  const n = patches.size;
  const area = n * n;
  const textured = patches.positions
    .map((p, i) => [p.texture, i] as const)
    .filter(([t]) => t >= FLAT_TEXTURE)
    .sort((a, b) => b[0] - a[0])
    .slice(0, SPECTRUM_PATCHES);
  if (textured.length === 0 || (n & (n - 1)) !== 0) return {};
  const { window } = scratchFor(n);
  const power = new Float64Array(area);
  const spectra = [new Float64Array(area), new Float64Array(area)];
  const blockProfile = new Float64Array(n / 2 + 1);
  const meanLogProfile = new Float64Array(n / 2 + 1);
  const block = (j: number) => patches.data.subarray(textured[j]![1] * area, (textured[j]![1] + 1) * area);
  for (let j = 0; j < textured.length; j += 2) {
    const pair = j + 1 < textured.length;
    blockPowerSpectra(block(j), pair ? block(j + 1) : null, n, window, spectra[0]!, pair ? spectra[1]! : null);
    for (let b = 0; b < (pair ? 2 : 1); b++) {
      const spectrum = spectra[b]!;
      for (let k = 0; k < area; k++) power[k]! += spectrum[k]!;
      radialProfile(spectrum, n, blockProfile);
      for (let r = 0; r <= n / 2; r++) meanLogProfile[r]! += Math.log(blockProfile[r]! + LOG_FLOOR) / textured.length;
    }
  }
  const profile = radialProfile(power, n);
  // Bands and notch radii are defined on 64 px patches; other sizes scale them.
  const scale = n / 64;
  const bandLog = BANDS.map(([lo, hi]) => {
    let s = 0;
    let c = 0;
    for (let r = Math.round(lo * scale); r <= Math.min(n / 2, Math.round(hi * scale)); r++) (s += profile[r]!), c++;
    return Math.log(s / Math.max(1, c) + 1e-12);
  });
  const bands = Object.fromEntries(BAND_FEATURE_NAMES.map((name, i) => [name, bandLog[i + 1]! - bandLog[0]!]));
  return { ...bands, specNotch: notchDepth(meanLogProfile, NOTCH_RADII.map((r) => Math.round(r * scale)) as [number, number], Math.max(1, Math.round(NOTCH_SPAN * scale))) };
}

/** Deepest dip of a log profile below the mean of its values `span` bins either side, over radii
 * lo..hi; 0 where the profile is concave throughout (a gaussian's transfer function is, in log
 * units; a disc's plunges at each zero). */
export function notchDepth(logProfile: ArrayLike<number>, [lo, hi]: readonly [number, number], span: number): number {
  let deepest = 0;
  for (let r = Math.max(lo, span); r <= Math.min(hi, logProfile.length - 1 - span); r++) {
    deepest = Math.max(deepest, (logProfile[r - span]! + logProfile[r + span]!) / 2 - logProfile[r]!);
  }
  return deepest;
}
