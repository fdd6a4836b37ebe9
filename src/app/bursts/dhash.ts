// Difference hash: the sign of the brightness step between neighbours on a small luma grid. It
// looks only at coarse structure, so the blurred and the sharp shot of the same scene hash alike
// while a different scene does not. A photo's hash is two of them, 128 bits: horizontal steps on
// a 9x8 grid, then vertical steps on an 8x9 grid. The horizontal half alone (the first 16 hex
// digits, all that results stored before the vertical half existed carry) misses the structure
// of a scene made of horizontal bands and of a figure on a plain background; the vertical half
// sees it (measured in group.ts).

export const HASH_COLS = 9;
export const HASH_ROWS = 8;
/** The side of the square image both grids are averaged from: 8 px per cell either way. */
export const HASH_IMAGE_SIDE = 72;

function bitsToHex(bits: readonly number[]): string {
  let hex = '';
  for (let i = 0; i < bits.length; i += 8) {
    let byte = 0;
    for (let k = 0; k < 8; k++) byte = (byte << 1) | bits[i + k];
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

/** `gray` is HASH_COLS x HASH_ROWS luma values, row-major. Returns 16 hex digits. */
export function dHash(gray: ArrayLike<number>): string {
  if (gray.length !== HASH_COLS * HASH_ROWS) throw new RangeError(`dHash needs ${HASH_COLS * HASH_ROWS} values, got ${gray.length}`);
  const bits: number[] = [];
  for (let y = 0; y < HASH_ROWS; y++) for (let x = 0; x < HASH_COLS - 1; x++) bits.push(gray[y * HASH_COLS + x] < gray[y * HASH_COLS + x + 1] ? 1 : 0);
  return bitsToHex(bits);
}

/** `gray` is HASH_ROWS x HASH_COLS luma values (8 wide, 9 high), row-major: steps downwards. Returns 16 hex digits. */
export function verticalDHash(gray: ArrayLike<number>): string {
  const width = HASH_ROWS;
  if (gray.length !== HASH_COLS * HASH_ROWS) throw new RangeError(`verticalDHash needs ${HASH_COLS * HASH_ROWS} values, got ${gray.length}`);
  const bits: number[] = [];
  for (let y = 0; y < HASH_COLS - 1; y++) for (let x = 0; x < width; x++) bits.push(gray[y * width + x] < gray[(y + 1) * width + x] ? 1 : 0);
  return bitsToHex(bits);
}

/** The photo hash (32 hex digits) of RGBA pixels, best from a HASH_IMAGE_SIDE square image. */
export function photoHash(rgba: ArrayLike<number>, width: number, height: number): string {
  return dHash(hashGrid(rgba, width, height)) + verticalDHash(hashGrid(rgba, width, height, HASH_ROWS, HASH_COLS));
}

const POPCOUNT4 = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

/** Number of differing bits between two hashes of equal length. */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length) throw new RangeError('hashes of different length');
  let distance = 0;
  for (let i = 0; i < a.length; i++) distance += POPCOUNT4[parseInt(a[i], 16) ^ parseInt(b[i], 16)];
  return distance;
}

/** A hash as 32-bit words (2 for the horizontal half alone, 4 for both), so grouping compares thousands of pairs without string work. */
export function hashWords(hex: string): number[] {
  if (hex.length !== 16 && hex.length !== 32) throw new RangeError(`a photo hash has 16 or 32 hex digits, got ${hex.length}`);
  const words: number[] = [];
  for (let i = 0; i < hex.length; i += 8) words.push(parseInt(hex.slice(i, i + 8), 16) >>> 0);
  return words;
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** hammingDistance over the first `count` words of two split hashes. */
export function wordsDistance(a: readonly number[], b: readonly number[], count = 2): number {
  let distance = 0;
  for (let i = 0; i < count; i++) distance += popcount32((a[i] ^ b[i]) >>> 0);
  return distance;
}

/** Box-averages RGBA pixels (`width` x `height`) down to a `cols` x `rows` luma grid. */
export function hashGrid(rgba: ArrayLike<number>, width: number, height: number, cols = HASH_COLS, rows = HASH_ROWS): Float32Array {
  const sums = new Float32Array(cols * rows);
  const counts = new Float32Array(cols * rows);
  for (let y = 0; y < height; y++) {
    const gy = Math.min(rows - 1, Math.floor((y * rows) / height));
    for (let x = 0; x < width; x++) {
      const gx = Math.min(cols - 1, Math.floor((x * cols) / width));
      const p = (y * width + x) * 4;
      const cell = gy * cols + gx;
      sums[cell] += 0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2];
      counts[cell]++;
    }
  }
  for (let i = 0; i < sums.length; i++) sums[i] /= Math.max(1, counts[i]);
  return sums;
}
