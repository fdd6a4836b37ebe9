import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenCv } from '../image/opencv-types.ts';
import type { LumaImage } from '../types.ts';
import { loadOpenCvNode } from '../../node/opencv.ts';
import { directionalBlur } from './direction.ts';
import { addNoise, deadLeaves, diskBlur, flatImage, gaussianBlur, loadSharpPhoto, motionBlur, trackMats } from '../../test-support/images.ts';

let cv: OpenCv;
let leaves: LumaImage;
let building: LumaImage;
beforeAll(async () => {
  cv = await loadOpenCvNode();
  leaves = deadLeaves(320, 240, 51);
  // A facade: strong horizontal and vertical structure, the scene anisotropy that must not read as motion.
  building = loadSharpPhoto('urban100/img_001.jpg');
}, 60_000);

function angleError(measured: number, truth: number): number {
  const d = Math.abs(measured - truth) % 180;
  return Math.min(d, 180 - d);
}

describe('directionalBlur', () => {
  it('separates linear motion from a disk of similar strength, and finds the motion direction', () => {
    const disk = directionalBlur(cv, diskBlur(cv, leaves, 3));
    const gauss = directionalBlur(cv, gaussianBlur(cv, leaves, 2));
    expect(disk.anisotropy).toBeLessThan(0.1);
    expect(gauss.anisotropy).toBeLessThan(0.1);
    for (const angle of [0, 30, 90, 135]) {
      const motion = directionalBlur(cv, motionBlur(cv, leaves, 9, angle));
      expect(motion.anisotropy).toBeGreaterThan(0.25);
      expect(angleError(motion.angle, angle)).toBeLessThan(10);
    }
  });

  it('does not mistake a building for motion, but sees motion on it', () => {
    const sharp = directionalBlur(cv, building);
    expect(sharp.gradientAnisotropy).toBeGreaterThan(0.2); // the scene itself is anisotropic
    expect(sharp.anisotropy).toBeLessThan(0.15);
    expect(directionalBlur(cv, diskBlur(cv, building, 3)).anisotropy).toBeLessThan(0.15);
    for (const angle of [0, 90]) {
      const motion = directionalBlur(cv, motionBlur(cv, building, 9, angle));
      expect(motion.anisotropy).toBeGreaterThan(sharp.anisotropy + 0.15);
      expect(angleError(motion.angle, angle)).toBeLessThan(10);
    }
  });

  it('holds under noise', () => {
    const motion = directionalBlur(cv, addNoise(motionBlur(cv, leaves, 9, 60), 5, 4));
    const disk = directionalBlur(cv, addNoise(diskBlur(cv, leaves, 3), 5, 4));
    expect(motion.anisotropy).toBeGreaterThan(disk.anisotropy + 0.15);
    expect(angleError(motion.angle, 60)).toBeLessThan(15);
  });

  it('is zero and finite on flat and tiny images', () => {
    for (const image of [flatImage(64, 64), flatImage(1, 1), deadLeaves(16, 16, 3)]) {
      const result = directionalBlur(cv, image);
      for (const value of Object.values(result)) expect(Number.isFinite(value)).toBe(true);
    }
    expect(directionalBlur(cv, flatImage(64, 64)).anisotropy).toBe(0);
  });

  it('frees its Mats', () => {
    const tracked = trackMats(cv);
    directionalBlur(tracked.cv, leaves);
    expect(tracked.live()).toBe(0);
  });
});
