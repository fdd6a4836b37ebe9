// Labelled patches for the CNN, cut from the cached training images with the app's own
// normalisation (extractPatchAt = extractPatches' crop), plus the batching the training loop uses.
import { join } from 'node:path';
import { PATCH_CLASSES, type PatchClass } from '../src/core/types.ts';
import { extractPatchAt, globalContrast, PATCH_SIZE } from '../src/core/cnn/patches.ts';
import type { Imbalance } from './config.ts';
import { deriveSeed, mulberry32, type Rng } from './data/rng.ts';
import { loadWorkingLuma } from './stages/data.ts';
import type { DataImage } from './stages/data-images.ts';

export interface PatchDataset {
  n: number;
  size: number;
  /** n * size * size values. */
  data: Float32Array;
  /** Class index (PATCH_CLASSES order) per patch. */
  labels: Int32Array;
  /** Index into the image list per patch (for per-photo grouping). */
  image: Int32Array;
}

export function loadPatchDataset(images: readonly DataImage[], dataDir: string, onImage?: (done: number) => void): PatchDataset {
  const area = PATCH_SIZE * PATCH_SIZE;
  const n = images.reduce((s, im) => s + im.crops.length, 0);
  const data = new Float32Array(n * area);
  const labels = new Int32Array(n);
  const image = new Int32Array(n);
  let k = 0;
  images.forEach((im, i) => {
    const luma = loadWorkingLuma(join(dataDir, im.file));
    const contrast = globalContrast(luma);
    for (const crop of im.crops) {
      data.set(extractPatchAt(luma, crop.x, crop.y, contrast).data, k * area);
      labels[k] = PATCH_CLASSES.indexOf(crop.label);
      image[k] = i;
      k++;
    }
    onImage?.(i + 1);
  });
  return { n, size: PATCH_SIZE, data, labels, image };
}

/**
 * At most `max` crops per image, a seeded random subset (the same for a given image id and seed).
 * More images with fewer crops each beat fewer images with many: neighbouring crops of one image
 * share its scene, blur and processing, so past a point they add steps but little variety.
 */
export function capCropsPerImage(images: readonly DataImage[], max: number | undefined, seed: number): DataImage[] {
  if (max === undefined) return [...images];
  return images.map((im) => {
    if (im.crops.length <= max) return im;
    const order = shuffled(im.crops.length, mulberry32(deriveSeed(seed, 'crop-cap', im.id)));
    const keep = Array.from(order.subarray(0, max)).sort((a, b) => a - b);
    return { ...im, crops: keep.map((k) => im.crops[k]!) };
  });
}

export function classCounts(labels: Int32Array): number[] {
  const counts = PATCH_CLASSES.map(() => 0);
  for (const l of labels) counts[l]!++;
  return counts;
}

/**
 * Per-class loss weights, scaled to average 1 per patch:
 * - 'balanced': every class gets the same total weight (the rare class ~11x a sharp patch),
 *   capped at 20x so a class with a handful of patches cannot dominate the gradient;
 * - 'sqrt': the square root of that, a compromise;
 * - 'none': all 1.
 * Measured on held-out patches (same data, 6 epochs): 'none' all but ignores the rare and the
 * motion class (recall 0.00 / 0.09); 'balanced' over-predicts them (sharp recall falls to 0.72,
 * sharp-vs-blur balanced accuracy 0.85); 'sqrt' keeps sharp at 0.88 with motion 0.28 and the best
 * sharp-vs-blur balanced accuracy (0.87), so it is the default.
 */
export function classWeightsFor(counts: readonly number[], mode: Imbalance, cap = 20): number[] | null {
  if (mode === 'none') return null;
  const total = counts.reduce((a, b) => a + b, 0);
  const present = counts.filter((c) => c > 0).length;
  const balanced = counts.map((c) => (c > 0 ? Math.min(cap, total / (present * c)) : 0));
  const raw = mode === 'sqrt' ? balanced.map(Math.sqrt) : balanced;
  const mean = counts.reduce((s, c, i) => s + c * raw[i]!, 0) / total;
  return raw.map((w) => w / mean);
}

/**
 * Copies patch `index` into `out` at `offset` under one of the 8 symmetries of the square.
 * Blur has no preferred orientation in a gallery (motion goes any way), so these are free data.
 */
export function copyAugmented(dataset: PatchDataset, index: number, symmetry: number, out: Float32Array, offset: number): void {
  const s = dataset.size;
  const src = index * s * s;
  const flipX = (symmetry & 1) !== 0;
  const flipY = (symmetry & 2) !== 0;
  const swap = (symmetry & 4) !== 0;
  for (let y = 0; y < s; y++) {
    for (let x = 0; x < s; x++) {
      let u = flipX ? s - 1 - x : x;
      let v = flipY ? s - 1 - y : y;
      if (swap) [u, v] = [v, u];
      out[offset + y * s + x] = dataset.data[src + v * s + u]!;
    }
  }
}

/** Seeded Fisher-Yates permutation of 0..n-1. */
export function shuffled(n: number, rng: Rng): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

export const labelName = (index: number): PatchClass => PATCH_CLASSES[index]!;
