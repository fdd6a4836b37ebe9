import { describe, expect, it } from 'vitest';
import { laplacianEnergy, rgbLaplacianEnergy } from './measure.ts';
import { proceduralImage, PROCEDURAL_KINDS, textureField } from './procedural.ts';
import { mulberry32 } from './rng.ts';

describe('proceduralImage', () => {
  it('renders every kind at the requested size, in range, with real detail', () => {
    for (const kind of PROCEDURAL_KINDS) {
      const { image, lensSigma } = proceduralImage(mulberry32(1), { kind, width: 150, height: 110 });
      expect([image.width, image.height]).toEqual([150, 110]);
      expect(image.data.length).toBe(150 * 110 * 3);
      expect(Math.min(...image.data)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...image.data)).toBeLessThanOrEqual(1);
      expect(lensSigma).toBeGreaterThan(0.3);
      // Even the sparse gradient scenes have edges; a flat or pre-blurred render would not.
      expect(rgbLaplacianEnergy(image), kind).toBeGreaterThan(1e-4);
    }
  });

  it('gives every texture crisp fine detail: a sharp example must not look like a blurred one', () => {
    // Fine-detail share: mean squared Laplacian over variance. A plain 30 px sine grating or a
    // smooth blob field scores ~0.001 (it looks exactly like a blurred texture); crisp stripes,
    // speckle and grainy noise score 0.015 and up.
    for (let seed = 0; seed < 100; seed++) {
      const field = textureField(mulberry32(seed), 128, 128);
      const mean = field.reduce((a, b) => a + b, 0) / field.length;
      const variance = field.reduce((a, b) => a + (b - mean) ** 2, 0) / field.length;
      const fine = laplacianEnergy({ width: 128, height: 128, data: field });
      expect(fine / variance, `seed ${seed}`).toBeGreaterThan(0.01);
    }
  });

  it('is deterministic per seed and varies across seeds', () => {
    for (const kind of PROCEDURAL_KINDS) {
      const a = proceduralImage(mulberry32(5), { kind, width: 64, height: 64 }).image.data;
      expect(proceduralImage(mulberry32(5), { kind, width: 64, height: 64 }).image.data).toEqual(a);
      expect(proceduralImage(mulberry32(6), { kind, width: 64, height: 64 }).image.data).not.toEqual(a);
    }
  });

  it('picks phone-like frame sizes when none is given', () => {
    for (let seed = 0; seed < 3; seed++) {
      const { image } = proceduralImage(mulberry32(seed), { kind: 'gradient-edges' });
      expect(Math.max(image.width, image.height)).toBeGreaterThanOrEqual(512);
      expect(Math.max(image.width, image.height)).toBeLessThanOrEqual(1024);
    }
  });

  it('text pages carry more fine detail than gradient scenes', () => {
    let text = 0;
    let gradient = 0;
    for (let seed = 0; seed < 4; seed++) {
      text += rgbLaplacianEnergy(proceduralImage(mulberry32(seed), { kind: 'text', width: 200, height: 160 }).image);
      gradient += rgbLaplacianEnergy(proceduralImage(mulberry32(seed), { kind: 'gradient-edges', width: 200, height: 160 }).image);
    }
    expect(text).toBeGreaterThan(3 * gradient);
  });
});
