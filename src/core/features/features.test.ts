import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenCv } from '../image/opencv-types.ts';
import type { FeatureVector, LumaImage } from '../types.ts';
import { loadOpenCvNode } from '../../node/opencv.ts';
import { FEATURE_NAMES, extractFeatures } from './features.ts';
import { laplacianTiles } from './tiles.ts';
import {
  addNoise, deadLeaves, diskBlur, flatImage, gaussianBlur, loadSharpPhoto, motionBlur, pasteCentre, seededRandom, trackMats,
} from '../../test-support/images.ts';

let cv: OpenCv;
let photo: LumaImage;
let leaves: LumaImage;
beforeAll(async () => {
  cv = await loadOpenCvNode();
  photo = loadSharpPhoto('mcmaster18/1.jpg');
  leaves = deadLeaves(384, 288, 81);
}, 60_000);

const features = (luma: LumaImage): FeatureVector => extractFeatures(cv, luma).features;

describe('extractFeatures', () => {
  it('returns exactly FEATURE_NAMES, in order', () => {
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURE_NAMES.length);
    expect(Object.keys(features(leaves))).toEqual([...FEATURE_NAMES]);
  });

  it('gives a finite number for every feature on degenerate inputs', () => {
    const random = seededRandom(5);
    const whiteNoise: LumaImage = { width: 64, height: 64, data: Float32Array.from({ length: 4096 }, () => 255 * random()) };
    const saturated = flatImage(40, 30, 255);
    for (const image of [flatImage(64, 48), flatImage(1, 1), deadLeaves(16, 16, 1), deadLeaves(2, 2, 2), deadLeaves(1, 50, 3), deadLeaves(50, 1, 4), whiteNoise, saturated]) {
      const result = extractFeatures(cv, image);
      for (const name of FEATURE_NAMES) expect(Number.isFinite(result.features[name]), `${name} of ${image.width}x${image.height}`).toBe(true);
      expect(result.regions.sharpness.every(Number.isFinite)).toBe(true);
    }
  });

  it('orders a real photo and its gaussian (1, 2, 4) and disk (1, 2, 4) blurs strictly', () => {
    for (const blur of [(s: number) => gaussianBlur(cv, photo, s), (r: number) => diskBlur(cv, photo, r)]) {
      const series = [photo, blur(1), blur(2), blur(4)].map(features);
      for (let k = 1; k < series.length; k++) {
        const [before, after] = [series[k - 1], series[k]];
        expect(after.lapLogVar1).toBeLessThan(before.lapLogVar1 - 0.3);
        expect(after.lapLogVarDenoised1).toBeLessThan(before.lapLogVarDenoised1 - 0.3);
        expect(after.lapLogVar2).toBeLessThan(before.lapLogVar2);
        expect(after.tileLogRatioMedian).toBeLessThan(before.tileLogRatioMedian);
        expect(after.edgeWidthMean).toBeGreaterThan(before.edgeWidthMean + 0.5);
        expect(after.tileSharpMean).toBeLessThanOrEqual(before.tileSharpMean);
      }
      expect(series[0].tileSharpMean).toBeGreaterThan(0.8);
      expect(series[3].tileSharpMean).toBeLessThan(0.1);
    }
  });

  it('does not let noise make a blurry photo look sharp (noise-compensated measures)', () => {
    const noisyBlurry = features(addNoise(gaussianBlur(cv, photo, 2), 8, 1));
    const noisySharp = features(addNoise(photo, 8, 1));
    const cleanBlurry = features(gaussianBlur(cv, photo, 2));
    // Raw, the noise makes the blurry photo look almost as detailed as the sharp one ...
    expect(noisyBlurry.lapLogVar1).toBeGreaterThan(cleanBlurry.lapLogVar1 + 2);
    // ... compensated, it reads no sharper than the clean blurry photo (at scale 1 the detail left
    // is below the noise, so it may read blurrier), and far below the sharp one.
    expect(noisyBlurry.lapLogVarDenoised1).toBeLessThan(cleanBlurry.lapLogVarDenoised1 + 0.5);
    expect(Math.abs(noisyBlurry.lapLogVarDenoised2 - cleanBlurry.lapLogVarDenoised2)).toBeLessThan(0.3);
    expect(noisyBlurry.lapLogVarDenoised1).toBeLessThan(noisySharp.lapLogVarDenoised1 - 3);
    expect(noisyBlurry.tileSharpP90).toBeLessThan(0.2);
    expect(noisySharp.tileSharpP90).toBeGreaterThan(0.9);
    expect(noisyBlurry.noiseSigma).toBeGreaterThan(7);
    expect(noisyBlurry.noiseSigma).toBeLessThan(9);
  });

  it('keeps max and p90 high for a sharp subject in a blurred scene, unlike an all-blurred one', () => {
    const bokeh = features(pasteCentre(gaussianBlur(cv, leaves, 4), leaves, 0.4));
    const allBlurred = features(gaussianBlur(cv, leaves, 4));
    expect(bokeh.tileSharpMax).toBeGreaterThan(0.9);
    expect(bokeh.tileSharpP90).toBeGreaterThan(0.8);
    expect(bokeh.tileSharpMedian).toBeLessThan(0.2);
    expect(bokeh.edgeWidthP25).toBeLessThan(allBlurred.edgeWidthP25 / 2);
    expect(allBlurred.tileSharpMax).toBeLessThan(0.2);
  });

  it('tells motion from defocus by anisotropy and reports the motion angle', () => {
    const motion = extractFeatures(cv, motionBlur(cv, leaves, 9, 45));
    const defocus = features(diskBlur(cv, leaves, 3));
    expect(motion.features.anisotropy).toBeGreaterThan(defocus.anisotropy + 0.2);
    expect(Math.abs(motion.motionAngle - 45)).toBeLessThan(10);
    // On a real photo the margin is smaller (scene structure also varies edge widths) but present.
    expect(features(motionBlur(cv, photo, 9, 45)).anisotropy).toBeGreaterThan(features(diskBlur(cv, photo, 3)).anisotropy + 0.1);
  });

  it('returns the same region map as laplacianTiles and frees its Mats', () => {
    const tracked = trackMats(cv);
    const result = extractFeatures(tracked.cv, photo);
    expect(tracked.live()).toBe(0);
    expect(result.regions).toEqual(laplacianTiles(cv, photo));
  });

  it('reports time per feature group when asked', () => {
    const timings: Record<string, number> = {};
    extractFeatures(cv, leaves, timings);
    expect(Object.keys(timings)).toEqual(['prepare', 'laplacian', 'sobel', 'noise', 'tiles', 'edges', 'direction']);
    for (const ms of Object.values(timings)) expect(ms).toBeGreaterThanOrEqual(0);
  });
});
