// Builds DIR/<type>/ from the held-out real photos, blurred the way any image tool blurs: the photo
// shrunk to the working size, then a plain Gaussian, a hard-edged disc or a straight line applied
// to its sRGB values, saved as a JPEG. None of our generator's physics (blur in linear light,
// brightened highlights, soft disc rims, depth gradients, random shake paths, moving subjects,
// blur made at the sensor's size): "blur caught" on this set says whether the detector learnt blur
// or learnt our generator (`npm run eval -- --real --textbook-blur DIR`). The issue behind it:
// users' collections hold sharp originals blurred by other generators.
//   npx tsx training/build-textbook-blur-set.ts --out DIR [--real-dir DIR] [--seed N]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { copyStem, LEVELS } from './build-real-blur-set.ts';
import { BLUR_TYPE_OF_KIND, type BlurKind } from './data/blur.ts';
import { convolveRgb, gaussianBlurRgb, resizeRgb } from './data/filter.ts';
import { rgbaToRgb, rgbToRgba, type RgbImage } from './data/image.ts';
import { encodeJpeg } from './data/jpeg.ts';
import { defocusKernel, linearMotionKernel } from './data/kernels.ts';
import { DEFAULT_REAL_PHOTOS_DIR, listRealPhotos } from './data/photos.ts';
import { deriveSeed, mulberry32, type Rng } from './data/rng.ts';
import type { OpenCv } from '../src/core/image/opencv-types.ts';
import { workingSize } from '../src/core/image/image.ts';
import { WORKING_MAX_SIDE } from '../src/core/image/working-resolution.ts';
import { decodeJpegFile } from '../src/node/decode.ts';
import { loadOpenCvNode } from '../src/node/opencv.ts';
import { createProgress } from '../src/node/progress.ts';

/** The three textbook blurs, named as eval groups them (a straight line counts as camera shake). */
export const TEXTBOOK_KINDS = ['gaussian', 'defocus', 'shake'] as const satisfies readonly BlurKind[];
export type TextbookKind = (typeof TEXTBOOK_KINDS)[number];

/** Size per strength level at the working size: Gaussian sigma, disc radius, line length (px).
 * Near the generator's sizes at the same levels (sigma 1.2 is where softness starts to show on
 * screen at this size, tiles.ts), so the two sets' rows can be read side by side. */
export const TEXTBOOK_SIZES: Record<TextbookKind, Record<(typeof LEVELS)[number]['tag'], number>> = {
  gaussian: { mild: 1.0, medium: 1.8, heavy: 3.2 },
  defocus: { mild: 2, medium: 4, heavy: 8 },
  shake: { mild: 6, medium: 12, heavy: 22 },
};
/** Each copy's size varies this much (share, either way) around its level's. */
const SIZE_JITTER = 0.15;
const JPEG_QUALITY = 90;

/** One textbook blur of `image`; `size` as in TEXTBOOK_SIZES. */
export function textbookBlur(cv: OpenCv, rng: Rng, image: RgbImage, kind: TextbookKind, size: number): RgbImage {
  if (kind === 'gaussian') return gaussianBlurRgb(cv, image, size);
  if (kind === 'defocus') return convolveRgb(cv, image, defocusKernel(size, 0));
  return convolveRgb(cv, image, linearMotionKernel(size, rng.uniform(0, 180)));
}

export interface TextbookBlurSetOptions {
  out: string;
  realDir?: string;
  seed?: number;
}

/** Three copies per held-out photo, one per kind, the levels turning with the photo. */
export async function buildTextbookBlurSet(options: TextbookBlurSetOptions): Promise<number> {
  const out = resolve(options.out);
  const seed = options.seed ?? 1;
  const photos = listRealPhotos(resolve(options.realDir ?? DEFAULT_REAL_PHOTOS_DIR)).filter((p) => p.split !== 'train');
  const cv = await loadOpenCvNode();
  const progress = createProgress('real photos, textbook blur', photos.length);
  let written = 0;
  photos.forEach((photo, i) => {
    const full = rgbaToRgb(decodeJpegFile(photo.path));
    const size = workingSize(full.width, full.height, WORKING_MAX_SIDE);
    const image = size.width < full.width ? resizeRgb(cv, full, size.width, size.height) : full;
    TEXTBOOK_KINDS.forEach((kind, k) => {
      const rng = mulberry32(deriveSeed(seed, 'textbook-blur-set', photo.relPath, k));
      const level = LEVELS[(i + k) % LEVELS.length]!;
      const blurSize = TEXTBOOK_SIZES[kind][level.tag] * (1 + rng.uniform(-SIZE_JITTER, SIZE_JITTER));
      const type = BLUR_TYPE_OF_KIND[kind];
      mkdirSync(join(out, type), { recursive: true });
      const jpeg = encodeJpeg(rgbToRgba(textbookBlur(cv, rng, image, kind, blurSize)), JPEG_QUALITY);
      writeFileSync(join(out, type, `${copyStem(photo.relPath)}-${k}-${kind}-${level.tag}.jpg`), jpeg);
      written++;
    });
    progress.update(i + 1, photo.relPath);
  });
  progress.finish(`${written} textbook-blurred copies of ${photos.length} photos in ${out}`);
  return written;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'real-dir': { type: 'string' }, seed: { type: 'string' } } });
  if (!values.out) throw new Error('usage: build-textbook-blur-set.ts --out DIR [--real-dir DIR] [--seed N]');
  await buildTextbookBlurSet({
    out: values.out,
    ...(values['real-dir'] ? { realDir: values['real-dir'] } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
