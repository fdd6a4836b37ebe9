// Which class a training crop shows. A photo's label says how it was made, but not every crop of
// it shows that: a sharp photo with bokeh has defocused background crops, a subject-motion photo
// has a sharp static background. The generator's blur mask says where the blur is, so crops are
// labelled by what they contain; crops straddling the mask edge, and flat crops (see
// FLAT_TEXTURE), are left out rather than given a label they may not show.
import type { PatchClass } from '../src/core/types.ts';
import { FLAT_TEXTURE } from '../src/core/cnn/patches.ts';

/** Mask coverage at or above which a crop counts as blurred, at or below which as untouched. */
export const BLURRED_COVERAGE = 0.9;
export const UNTOUCHED_COVERAGE = 0.1;

export interface MaskPlane {
  width: number;
  height: number;
  data: Float32Array;
}

/** Mean of the mask over a crop given in image coordinates (the mask may be at another size). */
export function maskCoverage(mask: MaskPlane, imageWidth: number, imageHeight: number, x: number, y: number, size: number): number {
  const sx = mask.width / imageWidth;
  const sy = mask.height / imageHeight;
  const x0 = Math.max(0, Math.floor(x * sx));
  const y0 = Math.max(0, Math.floor(y * sy));
  const x1 = Math.min(mask.width, Math.ceil((x + size) * sx));
  const y1 = Math.min(mask.height, Math.ceil((y + size) * sy));
  let sum = 0;
  let n = 0;
  for (let yy = y0; yy < y1; yy++) {
    for (let xx = x0; xx < x1; xx++) {
      sum += mask.data[yy * mask.width + xx]!;
      n++;
    }
  }
  return n ? sum / n : 0;
}

/**
 * The class a crop shows, or null when it should not be trained on.
 * `imageLabel` is the photo's class; bokeh (a sharp photo's blurred background) is defocus blur.
 */
export function cropLabel(imageLabel: PatchClass, bokeh: boolean, coverage: number, texture: number): PatchClass | null {
  if (texture < FLAT_TEXTURE) return null;
  if (coverage <= UNTOUCHED_COVERAGE) return 'sharp';
  if (coverage < BLURRED_COVERAGE) return null;
  if (imageLabel === 'sharp') return bokeh ? 'defocus' : null;
  return imageLabel;
}
