// How often the "similar" rule (src/app/bursts/group.ts) joins photos of different scenes, and
// how often it still joins a scene with its own blurred or re-framed copy. Run on a folder of
// distinct scenes (shared/data/sharp-photos-2: 591, near-duplicates removed by its builder), so
// every join between two of its files is a false one. All photos are treated as taken within
// the similar window, the worst case; real libraries spread over days join fewer.
//
//   npx tsx src/cli/measure-similar-groups.ts [dir] [--out report.json]
//
// The hash is the app's: a 256 px thumbnail (as the worker makes), shrunk to a 72 px square (as
// thumbnail-hash.ts does), both difference hashes. Reported for the full 128-bit hash and for
// its horizontal half alone (what results stored before the vertical half carry).
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJpegFile } from '../node/decode.ts';
import { downscaleRgba } from '../core/image/image.ts';
import type { RgbaImage } from '../core/types.ts';
import { hammingDistance, HASH_IMAGE_SIDE, photoHash } from '../app/bursts/dhash.ts';
import { DEFAULT_GROUP_OPTIONS, groupPhotos } from '../app/bursts/group.ts';

const THUMBNAIL = 256;

function hashOf(image: RgbaImage): string {
  const small = downscaleRgba(image, HASH_IMAGE_SIDE, HASH_IMAGE_SIDE);
  return photoHash(small.data, small.width, small.height);
}

function thumbnailOf(image: RgbaImage): RgbaImage {
  const scale = Math.min(1, THUMBNAIL / Math.max(image.width, image.height));
  return downscaleRgba(image, Math.max(1, Math.round(image.width * scale)), Math.max(1, Math.round(image.height * scale)));
}

/** Mean of the pixels along a line of `length` px at `angle` degrees: box blur (angle null: both axes, 3 passes, ~gaussian) or motion. */
function smear(image: RgbaImage, length: number, angle: number | null): RgbaImage {
  const { width, height, data } = image;
  const passes: Array<[number, number]> = angle === null ? [[1, 0], [0, 1], [1, 0], [0, 1], [1, 0], [0, 1]] : [[Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180)]];
  let src = Float32Array.from(data);
  for (const [dx, dy] of passes) {
    const out = new Float32Array(src.length);
    const half = (length - 1) / 2;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        for (let c = 0; c < 4; c++) {
          let sum = 0;
          for (let t = -half; t <= half; t++) {
            const sx = Math.min(width - 1, Math.max(0, Math.round(x + t * dx)));
            const sy = Math.min(height - 1, Math.max(0, Math.round(y + t * dy)));
            sum += src[(sy * width + sx) * 4 + c];
          }
          out[(y * width + x) * 4 + c] = sum / length;
        }
    src = out;
  }
  return { width, height, data: Uint8ClampedArray.from(src) };
}

/** The frame moved sideways by `share` of its width: a re-take that is framed a little differently. */
function reframe(image: RgbaImage, share: number): RgbaImage {
  const cut = Math.round(image.width * share);
  const width = image.width - cut;
  const data = new Uint8ClampedArray(width * image.height * 4);
  for (let y = 0; y < image.height; y++) data.set(image.data.subarray((y * image.width + cut) * 4, (y * image.width + image.width) * 4), y * width * 4);
  return { width, height: image.height, data };
}

function brighter(image: RgbaImage, gain: number): RgbaImage {
  return { ...image, data: Uint8ClampedArray.from(image.data, (v, i) => (i % 4 === 3 ? v : v * gain)) };
}

const VARIANTS: Record<string, (t: RgbaImage) => RgbaImage> = {
  'defocus (r2 at 256 px)': (t) => smear(t, 5, null),
  'defocus (r4 at 256 px)': (t) => smear(t, 9, null),
  'shake (9 px at 256 px)': (t) => smear(t, 9, 30),
  'shake (17 px at 256 px)': (t) => smear(t, 17, 10),
  'exposure +25%': (t) => brighter(t, 1.25),
  'reframed by 3%': (t) => reframe(t, 0.03),
  'reframed by 6%': (t) => reframe(t, 0.06),
};

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : null;
const dir = args.find((a, i) => !a.startsWith('--') && i !== outAt + 1) ?? '/work/shared/data/sharp-photos-2';
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.jpe?g$/i.test(f))
  .sort();

const hashes: string[] = [];
const variants: Record<string, string[]> = Object.fromEntries(Object.keys(VARIANTS).map((k) => [k, []]));
for (const [n, file] of files.entries()) {
  const thumb = thumbnailOf(decodeJpegFile(join(dir, file)));
  hashes.push(hashOf(thumb));
  for (const [name, make] of Object.entries(VARIANTS)) variants[name].push(hashOf(make(thumb)));
  if ((n + 1) % 100 === 0) console.error(`${n + 1} of ${files.length}`);
}

/** One table: distances up to `max` on the full hash (`short`: its horizontal half). */
function table(short: boolean, max: number, step: number) {
  const cut = (h: string) => (short ? h.slice(0, 16) : h);
  const pairs: number[] = [];
  for (let i = 0; i < hashes.length; i++) for (let j = i + 1; j < hashes.length; j++) pairs.push(hammingDistance(cut(hashes[i]), cut(hashes[j])));
  const rows = [];
  for (let d = 0; d <= max; d += step) {
    // The app's own rule, every photo taken within the window: each group is a false join.
    const groups = groupPhotos(
      hashes.map((hash, i) => ({ key: files[i], time: 0, hash: cut(hash), probability: 0.1, size: 1 })),
      { ...DEFAULT_GROUP_OPTIONS, burstGapMs: -1, similarDistance: d, similarDistanceShort: d },
    );
    const joined = groups.reduce((n, g) => n + g.keys.length, 0);
    const sameScene = Object.fromEntries(Object.entries(variants).map(([k, v]) => [k, v.filter((h, i) => hammingDistance(cut(h), cut(hashes[i])) <= d).length / v.length]));
    rows.push({ distance: d, falsePairs: pairs.filter((x) => x <= d).length, photosInFalseGroups: joined, share: joined / hashes.length, largestGroup: Math.max(0, ...groups.map((g) => g.keys.length)), sameScene });
  }
  return rows;
}

const report = { dir, scenes: files.length, full: table(false, 24, 2), horizontalHalf: table(true, 12, 1) };
console.log(`${files.length} distinct scenes; the app joins similar shots at ${DEFAULT_GROUP_OPTIONS.similarDistance} bits (full hash), ${DEFAULT_GROUP_OPTIONS.similarDistanceShort} (horizontal half only)`);
for (const [name, rows] of [['full hash, 128 bits', report.full], ['horizontal half, 64 bits', report.horizontalHalf]] as const) {
  console.log(`\n${name}\nbits  false pairs  photos in a false group  largest | same scene joined: ${Object.keys(VARIANTS).join(' | ')}`);
  for (const r of rows) {
    const same = Object.values(r.sameScene).map((x) => `${(x * 100).toFixed(0)}%`).join(' | ');
    console.log(`${String(r.distance).padStart(4)}  ${String(r.falsePairs).padStart(11)}  ${`${r.photosInFalseGroups} (${(r.share * 100).toFixed(1)}%)`.padStart(23)}  ${String(r.largestGroup).padStart(7)} | ${same}`);
  }
}
if (out) writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
