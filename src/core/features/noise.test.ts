import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenCv } from '../image/opencv-types.ts';
import type { LumaImage } from '../types.ts';
import { loadOpenCvNode } from '../../node/opencv.ts';
import { noiseSigma } from './noise.ts';
import { addNoise, deadLeaves, flatImage, gaussianBlur, loadSharpPhoto } from '../../test-support/images.ts';

let cv: OpenCv;
let sharp: LumaImage;
let photo: LumaImage;
beforeAll(async () => {
  cv = await loadOpenCvNode();
  sharp = deadLeaves(320, 240, 21);
  photo = loadSharpPhoto('kodak24/kodim03.jpg');
}, 60_000);

describe('noiseSigma', () => {
  it('recovers added white noise within 10% on smooth content', () => {
    const smooth = gaussianBlur(cv, sharp, 2);
    for (const sigma of [2, 5, 10]) {
      const estimate = noiseSigma(cv, addNoise(smooth, sigma, sigma));
      expect(estimate).toBeGreaterThan(0.9 * sigma);
      expect(estimate).toBeLessThan(1.1 * sigma);
    }
  });

  it('does not mistake crisp edges for noise', () => {
    // Every 32x32 block of this scene holds disc boundaries; an ungated estimator reads ~4.6 here.
    expect(noiseSigma(cv, sharp)).toBeLessThan(0.5);
    expect(noiseSigma(cv, photo)).toBeLessThan(1.5);
  });

  it('still measures the noise on top of crisp edges and real texture', () => {
    const onEdges = noiseSigma(cv, addNoise(sharp, 5, 1));
    expect(onEdges).toBeGreaterThan(4.5);
    expect(onEdges).toBeLessThan(5.75);
    const onPhoto = noiseSigma(cv, addNoise(photo, 5, 2));
    expect(onPhoto).toBeGreaterThan(4.5);
    expect(onPhoto).toBeLessThan(6);
  });

  it('is zero on flat and tiny images', () => {
    expect(noiseSigma(cv, flatImage(50, 40))).toBe(0);
    expect(noiseSigma(cv, flatImage(2, 2))).toBe(0);
  });
});
