import { beforeAll, describe, expect, it } from 'vitest';
import { loadOpenCvNode } from '../../node/opencv.ts';
import type { OpenCv } from '../image/opencv-types.ts';
import { deadLeaves, gaussianBlur as blurWith, addNoise } from '../../test-support/images.ts';
import type { LumaImage } from '../types.ts';
import { faceSharpness } from './face-sharpness.ts';

const W = 240, H = 240;
const face = { x: 0, y: 0, width: W, height: H };
const eyes = { x: 20, y: 60, width: 200, height: 80 };

function scaled(image: LumaImage, gain: number, offset: number): LumaImage {
  return { ...image, data: image.data.map((v) => offset + gain * (v - 128)) };
}

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadOpenCvNode();
});
const gaussianBlur = (image: LumaImage, sigma: number) => blurWith(cv, image, sigma);

describe('faceSharpness', () => {
  const sharp = deadLeaves(W, H, 7, 1, 30);

  it('falls as the face gets softer', () => {
    const crisp = faceSharpness(sharp, face, eyes)!.sharpness;
    const slightly = faceSharpness(gaussianBlur(sharp, 1), face, eyes)!.sharpness;
    const soft = faceSharpness(gaussianBlur(sharp, 2.5), face, eyes)!.sharpness;
    expect(crisp).toBeGreaterThan(slightly + 0.1);
    expect(slightly).toBeGreaterThan(soft + 0.05);
    expect(soft).toBeLessThan(0.15);
  });

  it('does not depend on the face contrast: a low-contrast face reads like a made-up one', () => {
    const full = faceSharpness(sharp, face, eyes)!.sharpness;
    const pale = faceSharpness(scaled(sharp, 0.3, 150), face, eyes)!.sharpness;
    expect(Math.abs(full - pale)).toBeLessThan(0.02);
  });

  it('does not mistake grain for detail: noise on a soft face keeps it soft', () => {
    const soft = gaussianBlur(sharp, 2.5);
    const noisy = addNoise(soft, 4, 3);
    expect(faceSharpness(noisy, face, eyes)!.sharpness).toBeLessThan(faceSharpness(soft, face, eyes)!.sharpness + 0.1);
  });

  it('gives no reading for a region without detail above the noise, or a tiny one', () => {
    const flat: LumaImage = { width: W, height: H, data: new Float32Array(W * H).fill(120) };
    expect(faceSharpness(addNoise(flat, 3, 1), face, eyes)).toBeNull();
    expect(faceSharpness(sharp, face, { x: 10, y: 10, width: 10, height: 6 })).toBeNull();
  });
});
