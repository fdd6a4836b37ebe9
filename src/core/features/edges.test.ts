import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenCv } from '../image/opencv-types.ts';
import type { LumaImage } from '../types.ts';
import { loadOpenCvNode } from '../../node/opencv.ts';
import { edgeStats } from './edges.ts';
import { addNoise, deadLeaves, diskBlur, flatImage, gaussianBlur, loadSharpPhoto, trackMats } from '../../test-support/images.ts';

let cv: OpenCv;
let sharp: LumaImage;
let photo: LumaImage;
beforeAll(async () => {
  cv = await loadOpenCvNode();
  sharp = deadLeaves(320, 240, 41);
  photo = loadSharpPhoto('kodak24/kodim05.jpg');
}, 60_000);

/** 40x20 image, grey 50 left of the profile and 200 right of it, rising linearly over `ramp` px. */
function verticalEdge(ramp: number): LumaImage {
  const w = 40, h = 20;
  const data = new Float32Array(w * h);
  for (let i = 0; i < data.length; i++) {
    const x = i % w;
    data[i] = ramp === 0 ? (x < 20 ? 50 : 200) : Math.min(200, Math.max(50, 50 + ((x - 15) * 150) / ramp));
  }
  return { width: w, height: h, data };
}

describe('edgeStats', () => {
  it('measures a crisp step as 1 px wide and a linear 10 px ramp as 10 px', () => {
    const step = edgeStats(cv, verticalEdge(0));
    expect(step.meanWidth).toBe(1);
    // One edge pixel per examined row (of the 38 interior columns).
    expect(step.density).toBeCloseTo(1 / 38, 6);
    const ramp = edgeStats(cv, verticalEdge(10));
    expect(ramp.meanWidth).toBeGreaterThanOrEqual(9.5);
    expect(ramp.meanWidth).toBeLessThanOrEqual(10.5);
    expect(ramp.count).toBe(step.count);
  });

  it('widens strictly with gaussian (1, 2, 4) and disk (1, 2, 4) blur', () => {
    for (const image of [sharp, photo]) {
      for (const blur of [(s: number) => gaussianBlur(cv, image, s), (r: number) => diskBlur(cv, image, r)]) {
        const stats = [image, blur(1), blur(2), blur(4)].map((b) => edgeStats(cv, b));
        for (let k = 1; k < stats.length; k++) {
          expect(stats[k].meanWidth).toBeGreaterThan(stats[k - 1].meanWidth + 1);
          expect(stats[k].p25Width).toBeGreaterThan(stats[k - 1].p25Width);
        }
        expect(stats[3].density).toBeLessThan(stats[1].density);
      }
      const densities = [image, ...[1, 2, 4].map((s) => gaussianBlur(cv, image, s))].map((b) => edgeStats(cv, b).density);
      for (let k = 1; k < densities.length; k++) expect(densities[k]).toBeLessThan(densities[k - 1]);
    }
  });

  it('keeps blurry edges wide under noise', () => {
    for (const image of [sharp, photo]) {
      const sharpNoisy = edgeStats(cv, addNoise(image, 5, 1));
      const blurryNoisy = edgeStats(cv, addNoise(gaussianBlur(cv, image, 2), 5, 1));
      expect(blurryNoisy.meanWidth).toBeGreaterThan(2 * sharpNoisy.meanWidth);
      // The threshold rose above the noise, so noise did not flood the edge map.
      expect(sharpNoisy.threshold).toBeGreaterThan(70);
      expect(sharpNoisy.density).toBeLessThan(1.1 * edgeStats(cv, image).density);
    }
  });

  it('reports no edges on a flat image with the widest width, and survives tiny images', () => {
    const flat = edgeStats(cv, flatImage(30, 30));
    expect(flat.count).toBe(0);
    expect(flat.density).toBe(0);
    expect(flat.meanWidth).toBe(48);
    for (const tiny of [flatImage(1, 1), deadLeaves(2, 3, 1), deadLeaves(16, 16, 2)]) {
      const stats = edgeStats(cv, tiny);
      for (const value of [stats.density, stats.meanWidth, stats.medianWidth, stats.p25Width]) expect(Number.isFinite(value)).toBe(true);
    }
  });

  it('frees its Mats', () => {
    const tracked = trackMats(cv);
    edgeStats(tracked.cv, sharp);
    expect(tracked.live()).toBe(0);
  });
});
