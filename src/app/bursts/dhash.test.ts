import { describe, expect, it } from 'vitest';
import { dHash, hammingDistance, hashGrid, hashWords, photoHash, verticalDHash, wordsDistance, HASH_COLS, HASH_ROWS } from './dhash.ts';

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

describe('verticalDHash', () => {
  it('sets a bit where brightness rises downwards', () => {
    const rising = Array.from({ length: HASH_COLS * HASH_ROWS }, (_, i) => Math.floor(i / HASH_ROWS));
    expect(verticalDHash(rising)).toBe('ff'.repeat(8));
    expect(verticalDHash(rising.map((v) => -v))).toBe('00'.repeat(8));
  });
});

describe('photoHash', () => {
  it('tells apart two scenes of horizontal bands that the horizontal half alone cannot', () => {
    const side = 72;
    const bands = (flip: boolean) => {
      const rgba = new Uint8Array(side * side * 4);
      for (let y = 0; y < side; y++)
        for (let x = 0; x < side; x++) rgba.fill(Math.floor(y / 9) % 2 === Number(flip) ? 220 : 30, (y * side + x) * 4, (y * side + x) * 4 + 3);
      return photoHash(rgba, side, side);
    };
    const [a, b] = [bands(false), bands(true)];
    expect(a).toHaveLength(32);
    expect(hammingDistance(a.slice(0, 16), b.slice(0, 16))).toBe(0);
    expect(hammingDistance(a, b)).toBeGreaterThan(32);
  });
});

describe('hammingDistance', () => {
  it('counts differing bits', () => {
    expect(hammingDistance('ff00', 'ff00')).toBe(0);
    expect(hammingDistance('ff00', '0f01')).toBe(5);
    expect(hammingDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
  });
});

describe('wordsDistance', () => {
  it('agrees with hammingDistance on the split hash', () => {
    const pairs = [
      ['ffffffffffffffff', '0000000000000000'],
      ['8e8d08080c0c2e2c', '8e8d0c080c0c2e24'],
      ['0123456789abcdef', 'fedcba9876543210'],
      ['8000000000000000', '0000000000000001'],
    ];
    for (const [a, b] of pairs) expect(wordsDistance(hashWords(a), hashWords(b))).toBe(hammingDistance(a, b));
    const long = ['0123456789abcdef0123456789abcdef', 'fedcba9876543210ffffffff00000000'];
    expect(wordsDistance(hashWords(long[0]), hashWords(long[1]), 4)).toBe(hammingDistance(long[0], long[1]));
  });

  it('rejects a hash of the wrong length', () => {
    expect(() => hashWords('ff')).toThrow(RangeError);
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
