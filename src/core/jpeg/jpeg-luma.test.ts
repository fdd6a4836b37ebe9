import { describe, expect, it } from 'vitest';
import { coveringEighths, LUMA_OVERSAMPLE } from './jpeg-luma.ts';
import { workingSize } from '../image/image.ts';

describe('coveringEighths', () => {
  const at1600 = (w: number, h: number, oversample = 1) => coveringEighths({ width: w, height: h }, workingSize(w, h, 1600), oversample);

  it('picks the smallest DCT scale that still covers the working size', () => {
    expect(at1600(4032, 3024)).toBe(4); // 12 MP: 1/2 (2016 px)
    expect(at1600(8064, 6048)).toBe(2); // 48 MP: 1/4
    expect(at1600(12000, 9000)).toBe(2); // 108 MP: 1/8 would be 1500 px, under 1600
    expect(at1600(1600, 1200)).toBe(8);
    expect(at1600(1200, 900)).toBe(8); // smaller than the working size: full size, never upscaled
  });

  it('with oversampling, decodes at least that many times the working size, or the full size', () => {
    expect(at1600(4032, 3024, LUMA_OVERSAMPLE)).toBe(6); // 3024 px >= 1.8 x 1600
    expect(at1600(8064, 6048, LUMA_OVERSAMPLE)).toBe(3);
    expect(at1600(2400, 1800, LUMA_OVERSAMPLE)).toBe(8);
  });

  it('covers both sides of a tall or odd-sized image', () => {
    const n = coveringEighths({ width: 1001, height: 4003 }, { width: 400, height: 1600 });
    expect(Math.ceil((4003 * n) / 8)).toBeGreaterThanOrEqual(1600);
    expect(Math.ceil((4003 * (n - 1)) / 8)).toBeLessThan(1600);
  });
});
