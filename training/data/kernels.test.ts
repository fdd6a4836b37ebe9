import { describe, expect, it } from 'vitest';
import { defocusKernel, gaussianKernel, kernelSpread, linearMotionKernel, shakeKernel, type Kernel } from './kernels.ts';
import { mulberry32 } from './rng.ts';

function sum(k: Kernel): number {
  return k.data.reduce((a, b) => a + b, 0);
}

/** Largest distance from the centre pixel to a pixel with weight > eps. */
function reach(k: Kernel, eps = 1e-6): number {
  const half = (k.size - 1) / 2;
  let r = 0;
  for (let y = 0; y < k.size; y++) for (let x = 0; x < k.size; x++) {
    if (k.data[y * k.size + x]! > eps) r = Math.max(r, Math.hypot(x - half, y - half));
  }
  return r;
}

/** Largest distance between two pixels with weight > eps. */
function supportDiameter(k: Kernel, eps = 1e-6): number {
  const pts: [number, number][] = [];
  for (let y = 0; y < k.size; y++) for (let x = 0; x < k.size; x++) if (k.data[y * k.size + x]! > eps) pts.push([x, y]);
  let d = 0;
  for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) {
    d = Math.max(d, Math.hypot(pts[i]![0] - pts[j]![0], pts[i]![1] - pts[j]![1]));
  }
  return d;
}

describe('kernels', () => {
  it('all sum to 1 with odd square support', () => {
    const rng = mulberry32(1);
    const kernels = [
      defocusKernel(1.5), defocusKernel(7.3, 1, 0.5), defocusKernel(12, 0),
      gaussianKernel(1), gaussianKernel(3.7),
      linearMotionKernel(4, 0), linearMotionKernel(29, 37),
      shakeKernel(rng, 4), shakeKernel(rng, 30),
    ];
    for (const k of kernels) {
      expect(sum(k)).toBeCloseTo(1, 5);
      expect(k.size % 2).toBe(1);
      expect(k.data.length).toBe(k.size * k.size);
      expect(Math.min(...k.data)).toBeGreaterThanOrEqual(0);
    }
  });

  it('defocus is a disc of the given radius with a soft rim', () => {
    for (const radius of [1.5, 4, 9]) {
      const k = defocusKernel(radius, 0.5);
      expect(reach(k)).toBeLessThanOrEqual(radius + 1);
      expect(reach(k)).toBeGreaterThanOrEqual(radius - 0.5);
      const half = (k.size - 1) / 2;
      // Flat inside: the centre and a point at half the radius weigh the same.
      expect(k.data[half * k.size + half]!).toBeCloseTo(k.data[half * k.size + half + Math.floor(radius / 2)]!, 6);
    }
    // The boosted rim outweighs the centre.
    const boosted = defocusKernel(8, 0.5, 0.5);
    const h = (boosted.size - 1) / 2;
    expect(boosted.data[h * boosted.size + h + 7]!).toBeGreaterThan(boosted.data[h * boosted.size + h]! * 1.2);
  });

  it('gaussian spreads by sigma', () => {
    for (const sigma of [1, 2.5, 4]) {
      const spread = kernelSpread(gaussianKernel(sigma));
      expect(spread.major).toBeCloseTo(sigma, 1);
      expect(spread.minor).toBeCloseTo(sigma, 1);
    }
  });

  it('linear motion is a line of the given length and angle', () => {
    const k = linearMotionKernel(20, 90);
    const spread = kernelSpread(k);
    // A uniform segment of length L has standard deviation L / sqrt(12).
    expect(spread.major).toBeCloseTo(20 / Math.sqrt(12), 0);
    expect(spread.minor).toBeLessThan(0.6);
    // Vertical: all weight in the centre column (bilinear splat at integer x).
    const half = (k.size - 1) / 2;
    let column = 0;
    for (let y = 0; y < k.size; y++) column += k.data[y * k.size + half]!;
    expect(column).toBeGreaterThan(0.99);
  });

  it('shake paths have the requested extent and are often curved', () => {
    const ratios: number[] = [];
    for (let i = 0; i < 40; i++) {
      const k = shakeKernel(mulberry32(1000 + i), 24);
      // Bilinear splatting widens the path by up to one pixel at each end.
      expect(supportDiameter(k)).toBeLessThanOrEqual(24 + 3);
      expect(supportDiameter(k)).toBeGreaterThanOrEqual(24 - 1);
      const s = kernelSpread(k);
      ratios.push(s.minor / s.major);
    }
    // A straight line has minor/major ~0.02; a curved or bent path well above.
    const curved = ratios.filter((r) => r > 0.25).length;
    const nearlyStraight = ratios.filter((r) => r < 0.2).length;
    expect(curved).toBeGreaterThanOrEqual(12);
    expect(nearlyStraight).toBeGreaterThanOrEqual(4);
  });

  it('shake exposure is uneven along the path', () => {
    let uneven = 0;
    for (let i = 0; i < 10; i++) {
      const k = shakeKernel(mulberry32(2000 + i), 24);
      const nonzero = Array.from(k.data).filter((v) => v > 1e-4).sort((a, b) => a - b);
      const p90 = nonzero[Math.floor(nonzero.length * 0.9)]!;
      const p50 = nonzero[Math.floor(nonzero.length * 0.5)]!;
      if (p90 > 2 * p50) uneven++;
    }
    expect(uneven).toBeGreaterThanOrEqual(6);
  });

  it('shake kernels are deterministic per seed and differ across seeds', () => {
    expect(shakeKernel(mulberry32(5), 15).data).toEqual(shakeKernel(mulberry32(5), 15).data);
    expect(shakeKernel(mulberry32(5), 15).data).not.toEqual(shakeKernel(mulberry32(6), 15).data);
  });
});
