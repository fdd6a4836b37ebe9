import { beforeAll, describe, expect, it } from 'vitest';
import { applyBokeh } from './bokeh.ts';
import type { RgbImage } from './image.ts';
import { rgbLaplacianEnergy } from './measure.ts';
import { loadOpenCvNode } from '../../src/node/opencv.ts';
import type { OpenCv } from '../../src/core/image/opencv-types.ts';
import { proceduralImage } from './procedural.ts';
import { mulberry32 } from './rng.ts';

let cv: OpenCv;
let leaves: RgbImage;
beforeAll(async () => {
  cv = await loadOpenCvNode();
  leaves = proceduralImage(mulberry32(8), { kind: 'dead-leaves', width: 240, height: 180 }).image;
});

describe('applyBokeh', () => {
  it('keeps the centre sharp and defocuses the surround', () => {
    for (let seed = 0; seed < 4; seed++) {
      const { image, blurMask, params } = applyBokeh(cv, mulberry32(seed), leaves);
      const { width: w, height: h } = leaves;
      expect(params.subjectCoverage).toBeGreaterThanOrEqual(0.13);
      expect(params.subjectCoverage).toBeLessThanOrEqual(0.47);
      // The frame centre is on the subject.
      expect(blurMask.data[Math.floor(h / 2) * w + Math.floor(w / 2)]!).toBeLessThan(0.01);
      const subject = (x: number, y: number): number => (blurMask.data[y * w + x]! < 0.001 ? 1 : 0);
      const surround = (x: number, y: number): number => (blurMask.data[y * w + x]! > 0.999 ? 1 : 0);
      const keptInside = rgbLaplacianEnergy(image, subject) / rgbLaplacianEnergy(leaves, subject);
      const keptOutside = rgbLaplacianEnergy(image, surround) / rgbLaplacianEnergy(leaves, surround);
      expect(keptInside, `seed ${seed}`).toBeGreaterThan(0.97);
      expect(keptOutside, `seed ${seed}`).toBeLessThan(0.15);
    }
  });
});
