import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenCv } from '../image/opencv-types.ts';
import type { LumaImage, RegionMap } from '../types.ts';
import { loadOpenCvNode } from '../../node/opencv.ts';
import { laplacianTiles, tileMeasures } from './tiles.ts';
import { addNoise, deadLeaves, diskBlur, flatImage, gaussianBlur, loadSharpPhoto, pasteCentre, trackMats } from '../../test-support/images.ts';

let cv: OpenCv;
let sharp: LumaImage;
let photo: LumaImage;
beforeAll(async () => {
  cv = await loadOpenCvNode();
  sharp = deadLeaves(384, 288, 31);
  photo = loadSharpPhoto('cbsd68/102061.jpg');
}, 60_000);

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Tiles whose centre lies inside / well outside the central `fraction` of the frame. */
function centreAndSurround(map: RegionMap, fraction: number): { centre: number[]; surround: number[] } {
  const centre: number[] = [];
  const surround: number[] = [];
  for (let r = 0; r < map.rows; r++) {
    for (let c = 0; c < map.cols; c++) {
      const dx = Math.abs((c + 0.5) / map.cols - 0.5);
      const dy = Math.abs((r + 0.5) / map.rows - 0.5);
      const value = map.sharpness[r * map.cols + c];
      if (dx < fraction / 2 - 0.05 && dy < fraction / 2 - 0.05) centre.push(value);
      else if (dx > fraction / 2 + 0.05 || dy > fraction / 2 + 0.05) surround.push(value);
    }
  }
  return { centre, surround };
}

describe('laplacianTiles', () => {
  it('uses a 16x12 grid for landscape and 12x16 for portrait', () => {
    const landscape = laplacianTiles(cv, sharp);
    expect([landscape.cols, landscape.rows, landscape.sharpness.length]).toEqual([16, 12, 192]);
    const portrait = laplacianTiles(cv, deadLeaves(120, 200, 2));
    expect([portrait.cols, portrait.rows]).toEqual([12, 16]);
    for (const s of landscape.sharpness) expect(s).toBeGreaterThanOrEqual(0);
    for (const s of landscape.sharpness) expect(s).toBeLessThanOrEqual(1);
  });

  it('shows a sharp subject in a soft background (bokeh)', () => {
    const bokeh = pasteCentre(gaussianBlur(cv, sharp, 4), sharp, 0.5);
    const { centre, surround } = centreAndSurround(laplacianTiles(cv, bokeh), 0.5);
    expect(centre.length).toBeGreaterThan(10);
    expect(Math.min(...centre)).toBeGreaterThan(0.8);
    expect(mean(surround)).toBeLessThan(0.15);
  });

  it('falls strictly with gaussian (1, 2, 4) and disk (1, 2, 4) blur, on a photo and a synthetic scene', () => {
    for (const image of [sharp, photo]) {
      for (const blur of [(s: number) => gaussianBlur(cv, image, s), (r: number) => diskBlur(cv, image, r)]) {
        const measures = [image, blur(1), blur(2), blur(4)].map((b) => tileMeasures(cv, b));
        // The raw per-tile measure orders every step, even the mildest blur ...
        const ratios = measures.map((m) => mean(Array.from(m.logRatio)));
        for (let k = 1; k < ratios.length; k++) expect(ratios[k]).toBeLessThan(ratios[k - 1] - 0.3);
        // ... while the 0..1 sharpness saturates for crisp tiles and must span the range.
        const sharpness = measures.map((m) => mean(Array.from(m.sharpness)));
        expect(sharpness[0]).toBeGreaterThan(0.85);
        expect(sharpness[2]).toBeLessThan(sharpness[1] - 0.1);
        expect(sharpness[3]).toBeLessThanOrEqual(sharpness[2]);
        expect(sharpness[3]).toBeLessThan(0.1);
      }
    }
  });

  it('does not let noise make a blurry image look sharp', () => {
    const blurryNoisy = mean(laplacianTiles(cv, addNoise(gaussianBlur(cv, sharp, 2), 6, 5)).sharpness);
    const sharpNoisy = mean(laplacianTiles(cv, addNoise(sharp, 6, 5)).sharpness);
    const blurryClean = mean(laplacianTiles(cv, gaussianBlur(cv, sharp, 2)).sharpness);
    expect(sharpNoisy).toBeGreaterThan(0.85);
    expect(blurryNoisy).toBeLessThan(0.3);
    expect(Math.abs(blurryNoisy - blurryClean)).toBeLessThan(0.15);
  });

  it('does not depend on contrast', () => {
    const faded: LumaImage = { ...sharp, data: sharp.data.map((v) => 128 + (v - 128) * 0.3) };
    const blurred = gaussianBlur(cv, sharp, 1.5);
    const fadedBlurred: LumaImage = { ...blurred, data: blurred.data.map((v) => 128 + (v - 128) * 0.3) };
    expect(Math.abs(mean(laplacianTiles(cv, faded).sharpness) - mean(laplacianTiles(cv, sharp).sharpness))).toBeLessThan(0.05);
    expect(Math.abs(mean(laplacianTiles(cv, fadedBlurred).sharpness) - mean(laplacianTiles(cv, blurred).sharpness))).toBeLessThan(0.1);
  });

  it('calls flat tiles neither sharp nor blurry, and survives tiny images', () => {
    expect(new Set(laplacianTiles(cv, flatImage(160, 120)).sharpness)).toEqual(new Set([0.5]));
    const tiny = laplacianTiles(cv, flatImage(5, 3));
    expect(tiny.sharpness.length).toBe(192);
    expect(tiny.sharpness.every(Number.isFinite)).toBe(true);
  });

  it('frees its Mats', () => {
    const tracked = trackMats(cv);
    laplacianTiles(tracked.cv, sharp);
    expect(tracked.live()).toBe(0);
  });
});
