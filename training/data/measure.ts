// Image statistics used to check the generator (tests, sanity reports): not the detector's
// features, which live in src/core.
import type { RgbaImage } from '../../src/core/types.ts';
import type { Plane, RgbImage } from './image.ts';
import { lumaPlane } from './image.ts';

export function rgbaLuma(image: RgbaImage): Plane {
  const n = image.width * image.height;
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    data[i] = (0.299 * image.data[i * 4]! + 0.587 * image.data[i * 4 + 1]! + 0.114 * image.data[i * 4 + 2]!) / 255;
  }
  return { width: image.width, height: image.height, data };
}

/** Mean squared 4-neighbour Laplacian of luma over pixels where `weight` (0..1) is high: the
 * high-frequency energy that blur removes. Borders are skipped. */
export function laplacianEnergy(luma: Plane, weight?: (x: number, y: number) => number): number {
  const { width: w, height: h, data } = luma;
  let sum = 0;
  let total = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const k = y * w + x;
      const lap = 4 * data[k]! - data[k - 1]! - data[k + 1]! - data[k - w]! - data[k + w]!;
      const wt = weight ? weight(x, y) : 1;
      sum += wt * lap * lap;
      total += wt;
    }
  }
  return total > 0 ? sum / total : 0;
}

export function rgbLaplacianEnergy(image: RgbImage, weight?: (x: number, y: number) => number): number {
  return laplacianEnergy(lumaPlane(image), weight);
}
