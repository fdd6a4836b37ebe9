import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenCv } from '../image/opencv-types.ts';
import { loadOpenCvNode } from '../../node/opencv.ts';
import { extractPatches } from './patches.ts';
import { blockPowerSpectra, notchDepth, radialProfile, SPECTRUM_FEATURE_NAMES, spectrumFeatures } from './spectrum.ts';
import { deadLeaves, diskBlur, flatImage, gaussianBlur } from '../../test-support/images.ts';

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadOpenCvNode();
});

const N = 64;
const rectangular = new Float64Array(N).fill(1);
const bandsOf = (luma: Parameters<typeof extractPatches>[0]) => spectrumFeatures(extractPatches(luma));

describe('power spectrum', () => {
  it('puts a cosine of k cycles per patch at radius k, with the energy of the signal (Parseval)', () => {
    const k = 7;
    const block = Float64Array.from({ length: N * N }, (_, i) => Math.cos((2 * Math.PI * k * (i % N)) / N) + 0.5 * Math.sin((2 * Math.PI * 3 * Math.floor(i / N)) / N));
    const power = new Float64Array(N * N);
    blockPowerSpectra(block, null, N, rectangular, power, null);
    const profile = radialProfile(power, N);
    const strongest = [...profile.keys()].sort((a, b) => profile[b]! - profile[a]!).slice(0, 2).sort((a, b) => a - b);
    expect(strongest).toEqual([3, k]);
    const energy = block.reduce((s, v) => s + v * v, 0);
    expect(power.reduce((s, v) => s + v, 0) / (N * N)).toBeCloseTo(energy, 6);
  });

  it('gives two blocks through one transform the spectra of two separate transforms', () => {
    const random = (seed: number) => Float64Array.from({ length: N * N }, (_, i) => Math.sin(i * 12.9898 + seed) * 43758.5453 % 1);
    const [a, b] = [random(1), random(2)];
    const hann = Float64Array.from({ length: N }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (N - 1)));
    const [aAlone, bAlone, aPaired, bPaired] = [0, 1, 2, 3].map(() => new Float64Array(N * N));
    blockPowerSpectra(a, null, N, hann, aAlone, null);
    blockPowerSpectra(b, null, N, hann, bAlone, null);
    blockPowerSpectra(a, b, N, hann, aPaired, bPaired);
    const scale = aAlone.reduce((m, v) => Math.max(m, v), 0);
    aAlone.forEach((v, k) => expect(Math.abs(aPaired[k]! - v) / scale).toBeLessThan(1e-12));
    bAlone.forEach((v, k) => expect(Math.abs(bPaired[k]! - v) / scale).toBeLessThan(1e-12));
  });
});

describe('notchDepth', () => {
  it('finds how far a dip falls below the profile either side of it', () => {
    const profile = [0, -1, -2, -3, -7, -5, -6.5, -7, -8];
    expect(notchDepth(profile, [2, 6], 1)).toBeCloseTo(3, 12); // at 4: (-3 + -5) / 2 - (-7)
    expect(notchDepth(profile, [5, 6], 1)).toBeCloseTo(0.5, 12); // the dip at 4 is out of range
  });

  it('is 0 on a concave profile, as a gaussian gives', () => {
    expect(notchDepth(Array.from({ length: 33 }, (_, r) => -0.02 * r * r), [3, 28], 2)).toBe(0);
  });
});

describe('spectrumFeatures', () => {
  const scene = deadLeaves(640, 480, 11);

  it('falls further at every fine band as blur grows', () => {
    const sharp = bandsOf(scene);
    const soft = bandsOf(gaussianBlur(cv, scene, 1.5));
    const softer = bandsOf(gaussianBlur(cv, scene, 3));
    expect(Object.keys(sharp)).toEqual([...SPECTRUM_FEATURE_NAMES]);
    for (const name of SPECTRUM_FEATURE_NAMES.filter((n) => n.startsWith('specBand')).slice(1)) {
      expect(soft[name]!).toBeLessThan(sharp[name]!);
      expect(softer[name]!).toBeLessThan(soft[name]!);
    }
  });

  it('tells a defocus disc from a gaussian of the same width: the disc keeps faint fine detail', () => {
    // A disc of radius R has the spread (second moment) of a gaussian with sigma R/2.
    const disc = bandsOf(diskBlur(cv, scene, 6));
    const gaussian = bandsOf(gaussianBlur(cv, scene, 3));
    expect(disc.specBand18! - gaussian.specBand18!).toBeGreaterThan(1);
    expect(disc.specBand25! - gaussian.specBand25!).toBeGreaterThan(1);
    // ...while the gaussian keeps more of the band just above the reference.
    expect(gaussian.specBand4!).toBeGreaterThan(disc.specBand4!);
  });

  it('finds the notch of a defocus disc, which neither a gaussian nor a sharp scene has', () => {
    // Disc radius R against a gaussian of the same spread (sigma R/2): the disc's first zero
    // (bin 64 * 0.61 / R: 10 and 6.5) leaves a dip of about 2 log units.
    for (const radius of [4, 6]) {
      const disc = bandsOf(diskBlur(cv, scene, radius)).specNotch!;
      const gaussian = bandsOf(gaussianBlur(cv, scene, radius / 2)).specNotch!;
      expect(disc - gaussian).toBeGreaterThan(1);
    }
    expect(bandsOf(scene).specNotch!).toBeLessThan(0.5);
  });

  it('says nothing about a photo without texture', () => {
    expect(bandsOf(flatImage(320, 240))).toEqual({});
  });
});
