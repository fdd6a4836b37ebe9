import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenCv } from '../image/opencv-types.ts';
import type { LumaImage } from '../types.ts';
import { loadOpenCvNode } from '../../node/opencv.ts';
import { laplacian100 } from './baseline.ts';
import { gaussianBlur, loadSharpPhoto, trackMats } from '../../test-support/images.ts';

let cv: OpenCv;
let photo: LumaImage;
beforeAll(async () => {
  cv = await loadOpenCvNode();
  photo = loadSharpPhoto('kodak24/kodim01.jpg');
}, 60_000);

/** The recipe by hand: uint8 gray (round half to even, like cvRound), [0 1 0; 1 -4 1; 0 1 0], reflect-101 borders. */
function referenceVariance(luma: LumaImage): number {
  const { width: w, height: h } = luma;
  const gray = Array.from(luma.data, (v) => {
    const r = Math.round(v);
    return Math.min(255, Math.max(0, r - v === 0.5 && r % 2 === 1 ? r - 1 : r));
  });
  const reflect = (i: number, n: number) => (i < 0 ? -i : i >= n ? 2 * n - 2 - i : i);
  const at = (x: number, y: number) => gray[reflect(y, h) * w + reflect(x, w)];
  let sum = 0, sumSq = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const lap = at(x - 1, y) + at(x + 1, y) + at(x, y - 1) + at(x, y + 1) - 4 * at(x, y);
      sum += lap;
      sumSq += lap * lap;
    }
  }
  const n = w * h;
  return sumSq / n - (sum / n) ** 2;
}

describe('laplacian100', () => {
  it('is exactly the textbook variance of the Laplacian', () => {
    const { variance } = laplacian100(cv, photo);
    expect(variance).toBeCloseTo(referenceVariance(photo), 6);
  });

  it('passes a sharp photo and flags a heavily blurred copy', () => {
    const sharp = laplacian100(cv, photo);
    const blurred = laplacian100(cv, gaussianBlur(cv, photo, 4));
    expect(sharp.variance).toBeGreaterThan(500);
    expect(sharp.blurry).toBe(false);
    expect(blurred.variance).toBeLessThan(20);
    expect(blurred.blurry).toBe(true);
  });

  it('frees its Mats', () => {
    const tracked = trackMats(cv);
    laplacian100(tracked.cv, photo);
    expect(tracked.live()).toBe(0);
  });
});
