import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenCv } from '../image/opencv-types.ts';
import type { LumaImage } from '../types.ts';
import { loadOpenCvNode } from '../../node/opencv.ts';
import { laplacianVariance } from './laplacian.ts';
import { addNoise, deadLeaves, diskBlur, flatImage, gaussianBlur, loadSharpPhoto, trackMats } from '../../test-support/images.ts';

let cv: OpenCv;
let sharp: LumaImage;
let photo: LumaImage;
beforeAll(async () => {
  cv = await loadOpenCvNode();
  sharp = deadLeaves(320, 240, 11);
  photo = loadSharpPhoto('kodak24/kodim05.jpg');
}, 60_000);

function expectStrictlyDecreasing(values: number[], minRatio: number): void {
  for (let k = 1; k < values.length; k++) expect(values[k - 1] / values[k]).toBeGreaterThan(minRatio);
}

describe('laplacianVariance', () => {
  it('falls strictly as gaussian blur grows (sigma 1, 2, 4), at scales 1 and 2', () => {
    for (const image of [sharp, photo]) {
      const blurred = [image, ...[1, 2, 4].map((s) => gaussianBlur(cv, image, s))];
      expectStrictlyDecreasing(blurred.map((b) => laplacianVariance(cv, b)), 2);
      expectStrictlyDecreasing(blurred.map((b) => laplacianVariance(cv, b, 2)), 1.5);
    }
  });

  it('falls strictly as defocus grows (disk radius 1, 2, 4)', () => {
    for (const image of [sharp, photo]) {
      const blurred = [image, ...[1, 2, 4].map((r) => diskBlur(cv, image, r))];
      expectStrictlyDecreasing(blurred.map((b) => laplacianVariance(cv, b)), 1.5);
    }
  });

  it('is zero on a flat image and defined on tiny ones', () => {
    expect(laplacianVariance(cv, flatImage(64, 48))).toBe(0);
    expect(laplacianVariance(cv, flatImage(1, 1))).toBe(0);
    expect(Number.isFinite(laplacianVariance(cv, deadLeaves(3, 2, 1), 4))).toBe(true);
  });

  it('sees white noise at scale 1 far more than at scale 2 (area averaging divides its variance by 4)', () => {
    const flatNoisy = addNoise(flatImage(256, 256), 5, 3);
    const v1 = laplacianVariance(cv, flatNoisy);
    const v2 = laplacianVariance(cv, flatNoisy, 2);
    // Theory: 20 sigma^2 = 500 at scale 1, 500 / 4 = 125 at scale 2.
    expect(v1).toBeGreaterThan(450);
    expect(v1).toBeLessThan(550);
    expect(v2).toBeGreaterThan(100);
    expect(v2).toBeLessThan(150);
  });

  it('frees its Mats', () => {
    const tracked = trackMats(cv);
    laplacianVariance(tracked.cv, sharp, 1);
    laplacianVariance(tracked.cv, sharp, 4);
    expect(tracked.live()).toBe(0);
  });
});
