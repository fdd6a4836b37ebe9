// Patches the CNN looks at: a grid of small luma crops at working resolution (never a squeezed
// whole photo, which would erase the very detail blur removes). The same function feeds training
// and the app, so the network always sees inputs prepared the same way.
import type { LumaImage } from '../types.ts';

/** Side of a patch in working-resolution pixels. 64 px holds a few edges plus the blur around
 * them (defocus radii and motion lengths of a few to ~20 px) while 48 of them stay cheap.
 * Patches are one channel. A second channel with the surroundings (the 128 px square on the same
 * centre, box-downscaled to 64) was tried, so that a patch whose only edges run along a motion
 * could be judged by its neighbourhood. With the same data and training budget it gained nothing:
 * fused AUC on the 600-image validation set 0.974 -> 0.968, shake 0.946 -> 0.937, subject motion
 * 0.951 -> 0.933, balanced accuracy 92.0% -> 91.7%, at or below the low end of the CNN's own seed
 * spread (AUC 0.970-0.974, training/config.ts). */
export const PATCH_SIZE = 64;
/** Patches per photo: 48 on a 4:3 frame is an 8x6 grid, enough to find a small sharp subject
 * (one cell is ~2% of the frame) within the ~30 ms inference budget. */
export const MAX_PATCHES = 48;
/** A patch whose RMS (after normalisation, see extractPatches) is below this is flat: sky, wall,
 * out-of-range exposure. Blur cannot be seen there, so training skips such patches and
 * aggregation does not count them as evidence either way. */
export const FLAT_TEXTURE = 0.04;
/** Floor of the global contrast in 8-bit levels: a nearly uniform photo is not stretched
 * further than this, so its sensor noise is not blown up into fake texture. */
const MIN_GLOBAL_CONTRAST = 16;
/** Normalised values are (pixel - patch mean) * GAIN / global contrast. With contrast measured
 * as the 2nd..98th percentile spread, GAIN 2 puts typical textured patches around +-0.5. */
const GAIN = 2;

export interface PatchPosition {
  /** Top-left corner in the luma image (may be negative / overrun on images smaller than a patch;
   * those pixels are filled by edge replication). */
  x: number;
  y: number;
  /** Grid cell this patch was taken from (patch i is at col = i % cols, row = floor(i / cols)). */
  col: number;
  row: number;
  /** RMS of the normalised patch: 0 = flat; compare with FLAT_TEXTURE. */
  texture: number;
}

export interface PatchSet {
  /** Patch side in pixels. */
  size: number;
  /** Number of patches = cols * rows. */
  n: number;
  cols: number;
  rows: number;
  /** n * size * size normalised values, patch-major, row-major within a patch (NHWC with C = 1). */
  data: Float32Array;
  positions: PatchPosition[];
  /** Global contrast (8-bit levels) the patches were divided by. */
  contrast: number;
  /** Size of the luma image the grid covers. */
  width: number;
  height: number;
}

export interface PatchOptions {
  size?: number;
  maxPatches?: number;
}

/**
 * Grid of cols x rows cells tiling the frame, with cells as square as the aspect ratio allows,
 * at most maxPatches of them, and no more cells along an axis than whole patches fit (so patches
 * do not overlap unless the image is smaller than one patch).
 */
export function patchGrid(width: number, height: number, size: number, maxPatches: number): { cols: number; rows: number } {
  const fitCols = Math.max(1, Math.floor(width / size));
  const fitRows = Math.max(1, Math.floor(height / size));
  let best = { cols: 1, rows: 1 };
  let bestScore = -Infinity;
  for (let cols = 1; cols <= Math.min(fitCols, maxPatches); cols++) {
    const rows = Math.min(fitRows, Math.floor(maxPatches / cols));
    if (rows < 1) break;
    // Prefer more patches, then cells closest to square.
    const cellAspect = width / cols / (height / rows);
    const score = cols * rows - Math.abs(Math.log(cellAspect)) * 0.5;
    if (score > bestScore) {
      bestScore = score;
      best = { cols, rows };
    }
  }
  return best;
}

/**
 * Robust global contrast: spread between the 2nd and 98th luma percentiles (8-bit levels), from a
 * histogram over a subsample of at most ~256k pixels. Percentiles rather than std so a few specular
 * highlights or black borders do not decide how every patch is scaled.
 */
export function globalContrast(luma: LumaImage): number {
  const { width, height, data } = luma;
  const step = Math.max(1, Math.floor(Math.sqrt((width * height) / 262144)));
  const histogram = new Uint32Array(256);
  let count = 0;
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const v = data[y * width + x]!;
      histogram[v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v)]!++;
      count++;
    }
  }
  const percentile = (q: number): number => {
    const target = q * count;
    let seen = 0;
    for (let i = 0; i < 256; i++) {
      seen += histogram[i]!;
      if (seen >= target) return i;
    }
    return 255;
  };
  return percentile(0.98) - percentile(0.02);
}

/**
 * Copies the size x size crop at (x0, y0) into out[offset...] (edge-replicating outside the image),
 * subtracts its mean, multiplies by scale, and returns the RMS of the result.
 */
function copyNormalisedPatch(luma: LumaImage, x0: number, y0: number, size: number, scale: number, out: Float32Array, offset: number): number {
  const { width, height, data } = luma;
  let sum = 0;
  for (let dy = 0; dy < size; dy++) {
    const rowStart = Math.min(height - 1, Math.max(0, y0 + dy)) * width;
    const dst = offset + dy * size;
    for (let dx = 0; dx < size; dx++) {
      const v = data[rowStart + Math.min(width - 1, Math.max(0, x0 + dx))]!;
      out[dst + dx] = v;
      sum += v;
    }
  }
  const area = size * size;
  const mean = sum / area;
  let squares = 0;
  for (let k = offset; k < offset + area; k++) {
    const v = (out[k]! - mean) * scale;
    out[k] = v;
    squares += v * v;
  }
  return Math.sqrt(squares / area);
}

/** Multiplier applied to mean-free luma, from the photo's global contrast. */
export function patchScale(contrast: number): number {
  return GAIN / Math.max(contrast, MIN_GLOBAL_CONTRAST);
}

/**
 * One patch from the centre of every grid cell, normalised to remove exposure but keep blur
 * evidence: the patch's own mean is subtracted (brightness) and values are divided by the photo's
 * global contrast — not by the patch's own std, which would stretch a flat or blurred patch back
 * up to look like texture. A blurred patch therefore stays low-contrast and a flat one stays flat.
 */
export function extractPatches(luma: LumaImage, options: PatchOptions = {}): PatchSet {
  const size = options.size ?? PATCH_SIZE;
  const maxPatches = options.maxPatches ?? MAX_PATCHES;
  const { width, height } = luma;
  if (width < 1 || height < 1) throw new RangeError(`extractPatches: empty image ${width}x${height}`);
  const { cols, rows } = patchGrid(width, height, size, maxPatches);
  const n = cols * rows;
  const contrast = Math.max(globalContrast(luma), MIN_GLOBAL_CONTRAST);
  const scale = patchScale(contrast);
  const data = new Float32Array(n * size * size);
  const positions: PatchPosition[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const i = row * cols + col;
      const x = Math.round(((col + 0.5) * width) / cols - size / 2);
      const y = Math.round(((row + 0.5) * height) / rows - size / 2);
      const texture = copyNormalisedPatch(luma, x, y, size, scale, data, i * size * size);
      positions.push({ x, y, col, row, texture });
    }
  }
  return { size, n, cols, rows, data, positions, contrast, width, height };
}

/** One patch at an arbitrary place (training takes extra crops between grid cells), normalised
 * exactly like extractPatches with the photo's contrast (see globalContrast). */
export function extractPatchAt(luma: LumaImage, x: number, y: number, contrast: number, size: number = PATCH_SIZE): { data: Float32Array; texture: number } {
  const data = new Float32Array(size * size);
  const texture = copyNormalisedPatch(luma, x, y, size, patchScale(contrast), data, 0);
  return { data, texture };
}
