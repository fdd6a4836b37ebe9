import { describe, expect, it } from 'vitest';
import { blurryOutline } from './region-map.ts';

describe('blurryOutline', () => {
  it('traces only the borders between blurry cells and the rest', () => {
    // 3 x 2: a blurry left column next to sharp and plain cells.
    const d = blurryOutline(['blurry', 'sharp', 'plain', 'blurry', 'plain', 'sharp'], 3, 2);
    expect(d).toBe('M1 0v1M1 1v1');
  });

  it('leaves the frame edge alone: a photo blurry all over gets no outline', () => {
    expect(blurryOutline(['blurry', 'blurry', 'blurry', 'blurry'], 2, 2)).toBe('');
  });

  it('rings a blurry cell surrounded by sharp ones on all four sides', () => {
    const kinds = ['sharp', 'sharp', 'sharp', 'sharp', 'blurry', 'sharp', 'sharp', 'sharp', 'sharp'] as const;
    expect(blurryOutline([...kinds], 3, 3)).toBe('M1 1h1M1 2h1M1 1v1M2 1v1');
  });
});
