// Builds DIR/<type>/ from the held-out real photos (../shared/data/sharp-photos-2, the part
// training never sees): blurred copies of each, made by the generator's kernels and saved as a
// camera would save them (a JPEG, no phone pipeline). `npm run eval -- --real --real-blur DIR`
// then gives blur caught beside sharp kept on the same real scenes, where the 600-image
// validation set has every image through our own phone pipeline. It is still our generator's
// blur, not real camera shake or missed focus: a proxy, and the report names it so. The copies
// carry no EXIF orientation (stored as the sensor wrote them), which matters to the face pass only.
//   npx tsx training/build-real-blur-set.ts --out DIR [--real-dir DIR] [--seed N] [--per-photo K]
import { mkdirSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BLUR_TYPE_OF_KIND, type BlurKind } from './data/blur.ts';
import { DEFAULT_REAL_PHOTOS_DIR, listRealPhotos } from './data/photos.ts';
import { deriveSeed, mulberry32 } from './data/rng.ts';
import { blurAsShot } from './stages/real-as-shot.ts';
import { decodeJpegFile } from '../src/node/decode.ts';
import { loadOpenCvNode } from '../src/node/opencv.ts';
import { downscaleRgba, workingSize } from '../src/core/image/image.ts';
import { WORKING_MAX_SIDE } from '../src/core/image/working-resolution.ts';
import { createProgress } from '../src/node/progress.ts';

/** Kinds in turn, so each photo's copies differ and every kind covers every collection. Camera
 * shake leads motion, as in a gallery; gaussian (a soft lens or a filter) is the rare one. */
const KINDS: readonly BlurKind[] = ['defocus', 'shake', 'subject-motion', 'defocus', 'shake', 'gaussian'];
/** The validation set's strength levels, so the per-strength rows read alike. */
export const LEVELS = [
  { tag: 'mild', centre: 0.15 },
  { tag: 'medium', centre: 0.5 },
  { tag: 'heavy', centre: 0.85 },
] as const;
/** Blur is made at up to twice the working size and the app shrinks it, as a camera's blur is
 * made at the sensor's size: at the working size itself every edge would be exactly the kernel. */
const BLUR_MAX_SIDE = 2 * WORKING_MAX_SIDE;

/** A copy's file name stem: the photo's path in its collection, one flat name
 * (`wp-ubuntu/a b.jpg` -> `wp-ubuntu_a_b`); eval reads kind and strength from what follows. */
export function copyStem(relPath: string): string {
  return relPath.slice(0, -extname(relPath).length).replace(/[^A-Za-z0-9_-]+/g, '_');
}

export interface RealBlurSetOptions {
  out: string;
  realDir?: string;
  seed?: number;
  /** Blurred copies per photo (kinds and strengths rotate). */
  perPhoto?: number;
}

export async function buildRealBlurSet(options: RealBlurSetOptions): Promise<number> {
  const out = resolve(options.out);
  const seed = options.seed ?? 1;
  const perPhoto = options.perPhoto ?? 2;
  const photos = listRealPhotos(resolve(options.realDir ?? DEFAULT_REAL_PHOTOS_DIR)).filter((p) => p.split !== 'train');
  const cv = await loadOpenCvNode();
  const progress = createProgress('real photos, blurred copies', photos.length);
  let written = 0;
  photos.forEach((photo, i) => {
    const stem = copyStem(photo.relPath);
    const rgba = decodeJpegFile(photo.path);
    const size = workingSize(rgba.width, rgba.height, BLUR_MAX_SIDE);
    const source = size.width < rgba.width ? downscaleRgba(rgba, size.width, size.height) : rgba;
    const sourcePxPerWorkingPx = Math.max(1, Math.max(source.width, source.height) / WORKING_MAX_SIDE);
    for (let k = 0; k < perPhoto; k++) {
      const rng = mulberry32(deriveSeed(seed, 'real-blur-set', photo.relPath, k));
      // Copy j of the set: kinds turn every copy, strengths every round of kinds, so every
      // kind meets every strength across the photos.
      const j = i * perPhoto + k;
      const kind = KINDS[j % KINDS.length]!;
      const level = LEVELS[Math.floor(j / KINDS.length) % LEVELS.length]!;
      const strength = Math.min(1, Math.max(0, level.centre + rng.uniform(-0.12, 0.12)));
      const jpeg = blurAsShot(cv, rng, source, { kind, strength, sourcePxPerWorkingPx });
      const type = BLUR_TYPE_OF_KIND[kind];
      mkdirSync(join(out, type), { recursive: true });
      writeFileSync(join(out, type, `${stem}-${k}-${kind}-${level.tag}.jpg`), jpeg);
      written++;
    }
    progress.update(i + 1, stem);
  });
  progress.finish(`${written} blurred copies of ${photos.length} photos in ${out}`);
  return written;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'real-dir': { type: 'string' }, seed: { type: 'string' }, 'per-photo': { type: 'string' } } });
  if (!values.out) throw new Error('usage: build-real-blur-set.ts --out DIR [--real-dir DIR] [--seed N] [--per-photo K]');
  await buildRealBlurSet({
    out: values.out,
    ...(values['real-dir'] ? { realDir: values['real-dir'] } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    ...(values['per-photo'] ? { perPhoto: Number(values['per-photo']) } : {}),
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
