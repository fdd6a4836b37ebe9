import { beforeAll, describe, expect, it } from 'vitest';
import { applyBlur, blurInLinearLight, blurSize, BLUR_KINDS } from './blur.ts';
import { createRgb, type RgbImage } from './image.ts';
import { defocusKernel } from './kernels.ts';
import { rgbLaplacianEnergy } from './measure.ts';
import { loadOpenCvNode } from '../../src/node/opencv.ts';
import type { OpenCv } from '../../src/core/image/opencv-types.ts';
import { proceduralImage } from './procedural.ts';
import { mulberry32 } from './rng.ts';

let cv: OpenCv;
let leaves: RgbImage;
beforeAll(async () => {
  cv = await loadOpenCvNode();
  leaves = proceduralImage(mulberry32(3), { kind: 'dead-leaves', width: 192, height: 160 }).image;
});

describe('applyBlur', () => {
  it('removes more high-frequency energy the stronger it is, for every kind', () => {
    for (const kind of BLUR_KINDS) {
      const energies = [0, 0.25, 0.5, 0.75, 1].map((strength) => {
        // Same seed at every strength: same trajectory / subject shape, only scaled.
        const { image } = applyBlur(cv, mulberry32(9), leaves, kind, strength);
        return rgbLaplacianEnergy(image);
      });
      const sharp = rgbLaplacianEnergy(leaves);
      expect(energies[0]!, kind).toBeLessThan(sharp);
      for (let i = 1; i < energies.length; i++) expect(energies[i]!, `${kind} strength step ${i}`).toBeLessThan(energies[i - 1]!);
    }
  });

  it('maps strength to the documented mild..heavy sizes', () => {
    expect(blurSize('defocus', 0)).toBeCloseTo(1.5);
    expect(blurSize('defocus', 1)).toBeCloseTo(12);
    expect(blurSize('shake', 0)).toBeCloseTo(4);
    expect(blurSize('shake', 1)).toBeCloseTo(30);
    expect(blurSize('gaussian', 1)).toBeCloseTo(4);
  });

  it('keeps a flat image flat up to the borders (normalised kernels, mirrored edges)', () => {
    const flat = createRgb(64, 48);
    flat.data.fill(0.4);
    for (const kind of BLUR_KINDS) {
      const { image } = applyBlur(cv, mulberry32(1), flat, kind, 1);
      for (const v of image.data) expect(Math.abs(v - 0.4)).toBeLessThan(2e-3);
    }
  });

  it('blurs in linear light: a black/white edge blurs to a bright middle, not sRGB 0.5', () => {
    const edge = createRgb(64, 16);
    for (let y = 0; y < 16; y++) for (let x = 32; x < 64; x++) edge.data.fill(1, (y * 64 + x) * 3, (y * 64 + x) * 3 + 3);
    const out = blurInLinearLight(cv, edge, defocusKernel(6), 0);
    // At the edge half the light is mixed in: linear 0.5, which is ~0.735 in sRGB.
    const middle = (out.data[(8 * 64 + 32) * 3]! + out.data[(8 * 64 + 31) * 3]!) / 2;
    expect(middle).toBeGreaterThan(0.68);
    expect(middle).toBeLessThan(0.79);
  });

  it('expands clipped highlights so a small light blooms into a visible disc', () => {
    const dark = createRgb(41, 41);
    dark.data.fill(0.05);
    dark.data.fill(1, (20 * 41 + 20) * 3, (20 * 41 + 21) * 3);
    const plain = blurInLinearLight(cv, dark, defocusKernel(5), 0);
    const bloomed = blurInLinearLight(cv, dark, defocusKernel(5), 4);
    const at = (img: RgbImage): number => img.data[(20 * 41 + 23) * 3]!;
    expect(at(bloomed)).toBeGreaterThan(at(plain) + 0.02);
  });

  it('subject motion blurs a large central region and leaves the rest untouched', () => {
    const { image, blurMask, params } = applyBlur(cv, mulberry32(4), leaves, 'subject-motion', 0.8);
    expect(params.motion!.subjectCoverage).toBeGreaterThanOrEqual(0.38);
    const cx = Math.floor(leaves.width / 2);
    const cy = Math.floor(leaves.height / 2);
    expect(blurMask.data[cy * leaves.width + cx]!).toBeGreaterThan(0.9);
    let untouched = 0;
    let maxDiff = 0;
    for (let i = 0; i < blurMask.data.length; i++) {
      if (blurMask.data[i]! > 1e-4) continue;
      untouched++;
      for (let c = 0; c < 3; c++) maxDiff = Math.max(maxDiff, Math.abs(image.data[i * 3 + c]! - leaves.data[i * 3 + c]!));
    }
    expect(untouched).toBeGreaterThan(0.15 * blurMask.data.length);
    expect(maxDiff).toBeLessThan(2e-3);
  });

  it('scales blur to the source resolution when the image is downscaled afterwards', () => {
    const { params } = applyBlur(cv, mulberry32(1), leaves, 'defocus', 0.5, { sourcePxPerWorkingPx: 2 });
    expect(params.sourceSize).toBeCloseTo(2 * params.size);
  });
});
