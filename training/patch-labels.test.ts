import { describe, expect, it } from 'vitest';
import { cropLabel, maskCoverage } from './patch-labels.ts';

describe('cropLabel / maskCoverage', () => {
  it('labels crops by what they show, not by the photo label', () => {
    expect(cropLabel('motion', false, 1, 0.3)).toBe('motion');
    expect(cropLabel('motion', false, 0, 0.3)).toBe('sharp'); // static background of subject motion
    expect(cropLabel('sharp', true, 1, 0.3)).toBe('defocus'); // bokeh background
    expect(cropLabel('sharp', false, 0, 0.3)).toBe('sharp');
    expect(cropLabel('gaussian', false, 0.5, 0.3)).toBeNull(); // straddles the mask edge
    expect(cropLabel('gaussian', false, 1, 0.001)).toBeNull(); // flat: blur is invisible
  });

  it('measures coverage on a mask of a different size than the image', () => {
    const mask = { width: 50, height: 50, data: new Float32Array(2500) };
    for (let y = 0; y < 50; y++) for (let x = 25; x < 50; x++) mask.data[y * 50 + x] = 1; // right half
    expect(maskCoverage(mask, 100, 100, 0, 0, 40)).toBe(0);
    expect(maskCoverage(mask, 100, 100, 60, 10, 40)).toBe(1);
    expect(maskCoverage(mask, 100, 100, 30, 10, 40)).toBeCloseTo(0.5, 1);
  });
});
