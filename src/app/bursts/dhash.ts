// Difference hash: the sign of the brightness step between horizontal neighbours on a 9x8
// luma grid, 64 bits. It looks only at coarse structure, so the blurred and the sharp shot
// of the same scene hash alike while a different scene does not.

export const HASH_COLS = 9;
export const HASH_ROWS = 8;

/** `gray` is HASH_COLS x HASH_ROWS luma values, row-major. Returns 16 hex digits. */
export function dHash(gray: ArrayLike<number>): string {
  if (gray.length !== HASH_COLS * HASH_ROWS) throw new RangeError(`dHash needs ${HASH_COLS * HASH_ROWS} values, got ${gray.length}`);
  let hex = '';
  for (let y = 0; y < HASH_ROWS; y++) {
    let byte = 0;
    for (let x = 0; x < HASH_COLS - 1; x++) {
      const i = y * HASH_COLS + x;
      byte = (byte << 1) | (gray[i] < gray[i + 1] ? 1 : 0);
    }
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

const POPCOUNT4 = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

/** Number of differing bits between two hashes of equal length. */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length) throw new RangeError('hashes of different length');
  let distance = 0;
  for (let i = 0; i < a.length; i++) distance += POPCOUNT4[parseInt(a[i], 16) ^ parseInt(b[i], 16)];
  return distance;
}

/** Box-averages RGBA pixels (`width` x `height`) down to the HASH_COLS x HASH_ROWS luma grid. */
export function hashGrid(rgba: ArrayLike<number>, width: number, height: number): Float32Array {
  const sums = new Float32Array(HASH_COLS * HASH_ROWS);
  const counts = new Float32Array(HASH_COLS * HASH_ROWS);
  for (let y = 0; y < height; y++) {
    const gy = Math.min(HASH_ROWS - 1, Math.floor((y * HASH_ROWS) / height));
    for (let x = 0; x < width; x++) {
      const gx = Math.min(HASH_COLS - 1, Math.floor((x * HASH_COLS) / width));
      const p = (y * width + x) * 4;
      const cell = gy * HASH_COLS + gx;
      sums[cell] += 0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2];
      counts[cell]++;
    }
  }
  for (let i = 0; i < sums.length; i++) sums[i] /= Math.max(1, counts[i]);
  return sums;
}
