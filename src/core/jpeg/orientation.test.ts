import { describe, expect, it } from 'vitest';
import { applyOrientation } from './orientation.ts';

// A 3x2 plane, stored:  1 2 3
//                       4 5 6
const stored = { width: 3, height: 2, data: new Float32Array([1, 2, 3, 4, 5, 6]) };
const rows = (p: { width: number; data: ArrayLike<number> }) =>
  Array.from({ length: p.data.length / p.width }, (_, y) => Array.from(p.data).slice(y * p.width, (y + 1) * p.width));

describe('applyOrientation', () => {
  it('shows each EXIF orientation as a viewer does', () => {
    const shown = (o: number) => rows(applyOrientation(stored, o));
    expect(shown(1)).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(shown(2)).toEqual([[3, 2, 1], [6, 5, 4]]); // mirrored
    expect(shown(3)).toEqual([[6, 5, 4], [3, 2, 1]]); // upside down
    expect(shown(4)).toEqual([[4, 5, 6], [1, 2, 3]]); // flipped
    expect(shown(5)).toEqual([[1, 4], [2, 5], [3, 6]]); // transposed
    expect(shown(6)).toEqual([[4, 1], [5, 2], [6, 3]]); // turned 90 degrees clockwise (phone held upright)
    expect(shown(7)).toEqual([[6, 3], [5, 2], [4, 1]]); // transversed
    expect(shown(8)).toEqual([[3, 6], [2, 5], [1, 4]]); // turned 90 degrees anticlockwise
  });

  it('moves whole pixels of interleaved channels and swaps the size for 5..8', () => {
    const rgba = { width: 2, height: 1, data: new Uint8Array([10, 11, 12, 13, 20, 21, 22, 23]) };
    const turned = applyOrientation(rgba, 6, 4);
    expect([turned.width, turned.height]).toEqual([1, 2]);
    expect(Array.from(turned.data)).toEqual([10, 11, 12, 13, 20, 21, 22, 23]);
    expect(Array.from(applyOrientation(rgba, 2, 4).data)).toEqual([20, 21, 22, 23, 10, 11, 12, 13]);
  });

  it('leaves a missing or unknown orientation alone', () => {
    expect(applyOrientation(stored, undefined)).toBe(stored);
    expect(applyOrientation(stored, 9)).toBe(stored);
  });
});
