import { describe, expect, it } from 'vitest';
import { dHash, hammingDistance, hashGrid, HASH_COLS, HASH_ROWS } from './dhash.ts';

describe('dHash', () => {
  it('sets a bit where brightness rises to the right', () => {
    const rising = Array.from({ length: HASH_COLS * HASH_ROWS }, (_, i) => i % HASH_COLS);
    expect(dHash(rising)).toBe('ff'.repeat(8));
    const falling = rising.map((v) => -v);
    expect(dHash(falling)).toBe('00'.repeat(8));
  });

  it('rejects a grid of the wrong size', () => {
    expect(() => dHash([1, 2, 3])).toThrow(RangeError);
  });
});

describe('hammingDistance', () => {
  it('counts differing bits', () => {
    expect(hammingDistance('ff00', 'ff00')).toBe(0);
    expect(hammingDistance('ff00', '0f01')).toBe(5);
    expect(hammingDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
  });
});

describe('hashGrid', () => {
  it('averages RGBA pixels into 9x8 luma cells', () => {
    const width = HASH_COLS * 2;
    const height = HASH_ROWS * 2;
    const rgba = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const p = (y * width + x) * 4;
        rgba[p] = rgba[p + 1] = rgba[p + 2] = x < width / 2 ? 0 : 200;
      }
    const grid = hashGrid(rgba, width, height);
    expect(grid.length).toBe(HASH_COLS * HASH_ROWS);
    expect(grid[0]).toBeCloseTo(0);
    expect(grid[HASH_COLS - 1]).toBeCloseTo(200);
  });
});
