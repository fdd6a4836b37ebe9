import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenCv } from './opencv-types.ts';
import { loadOpenCvNode } from '../cli/opencv-node.ts';
import { extractPatches } from './patches.ts';
import { accumulatePowerSpectrum, radialProfile, SPECTRUM_FEATURE_NAMES, spectrumBands } from './spectrum.ts';
import { deadLeaves, diskBlur, flatImage, gaussianBlur } from './test-fixtures.ts';

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadOpenCvNode();
});

const N = 64;
const rectangular = new Float64Array(N).fill(1);
const bandsOf = (luma: Parameters<typeof extractPatches>[0]) => spectrumBands(extractPatches(luma));

describe('power spectrum', () => {
  it('puts a cosine of k cycles per patch at radius k, with the energy of the signal (Parseval)', () => {
    const k = 7;
    const block = Float64Array.from({ length: N * N }, (_, i) => Math.cos((2 * Math.PI * k * (i % N)) / N) + 0.5 * Math.sin((2 * Math.PI * 3 * Math.floor(i / N)) / N));
    const power = new Float64Array(N * N);
    accumulatePowerSpectrum(block, null, N, rectangular, power);
    const profile = radialProfile(power, N);
    const strongest = [...profile.keys()].sort((a, b) => profile[b]! - profile[a]!).slice(0, 2).sort((a, b) => a - b);
    expect(strongest).toEqual([3, k]);
    const energy = block.reduce((s, v) => s + v * v, 0);
    expect(power.reduce((s, v) => s + v, 0) / (N * N)).toBeCloseTo(energy, 6);
  });

  it('gives two blocks through one transform the radial profile of two separate transforms', () => {
    const random = (seed: number) => Float64Array.from({ length: N * N }, (_, i) => Math.sin(i * 12.9898 + seed) * 43758.5453 % 1);
    const [a, b] = [random(1), random(2)];
    const hann = Float64Array.from({ length: N }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (N - 1)));
    const apart = new Float64Array(N * N);
    accumulatePowerSpectrum(a, null, N, hann, apart);
    accumulatePowerSpectrum(b, null, N, hann, apart);
    const together = new Float64Array(N * N);
    accumulatePowerSpectrum(a, b, N, hann, together);
    const [p1, p2] = [radialProfile(apart, N), radialProfile(together, N)];
    p1.forEach((v, r) => expect(p2[r]! / v).toBeCloseTo(1, 9));
  });
});

describe('spectrumBands', () => {
  const scene = deadLeaves(640, 480, 11);

  it('falls further at every fine band as blur grows', () => {
    const sharp = bandsOf(scene);
    const soft = bandsOf(gaussianBlur(cv, scene, 1.5));
    const softer = bandsOf(gaussianBlur(cv, scene, 3));
    expect(Object.keys(sharp)).toEqual([...SPECTRUM_FEATURE_NAMES]);
    for (const name of SPECTRUM_FEATURE_NAMES.slice(1)) {
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

  it('says nothing about a photo without texture', () => {
    expect(bandsOf(flatImage(320, 240))).toEqual({});
  });
});
