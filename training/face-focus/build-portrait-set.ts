// Builds a portrait set from the people photos: every photo whose largest face is big enough to
// judge, in the four ways a portrait is shot (portrait-variants.ts), as DIR/<variant>/<name>.jpg
// plus DIR/manifest.json. The photos are split by a seeded hash of their path: the held-out part
// makes the validation set, the tuning part the set the face rule's thresholds were set on.
//   npx tsx training/face-focus/build-portrait-set.ts --out DIR [--part held-out|tuning] [--photos DIR] [--seed N] [--max-photos N]
// Faces for the person masks come from face-api's SSD MobileNet (5 MB, not shipped), a different
// and stronger detector than the app's, so the set does not only hold faces the app finds.
import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { MIN_JUDGED_FACE } from '../../src/core/face/subject-focus.ts';
import type { FaceBox } from '../../src/core/face/types.ts';
import { WORKING_MAX_SIDE } from '../../src/core/image/working-resolution.ts';
import { faceApiNode, readFaceNet } from '../../src/node/face.ts';
import { loadOpenCvNode } from '../../src/node/opencv.ts';
import { initTfNode } from '../../src/node/tf.ts';
import { toWorkingResolution } from '../../src/node/decode.ts';
import { decodeJpeg, encodeJpeg } from '../data/jpeg.ts';
import { rgbaToRgb, rgbToRgba } from '../data/image.ts';
import { listPeoplePhotos } from '../data/photos.ts';
import { deriveSeed, mulberry32 } from '../data/rng.ts';
import { EXPECTED, PORTRAIT_VARIANTS, personMask, renderVariant, type PortraitVariant } from './portrait-variants.ts';

/** Reference faces: SSD detections this confident. */
const REFERENCE_MIN_SCORE = 0.8;
/** People whose face is at least this share of the largest face's height are in the focus
 * plane with the main subject: they are masked (sharp in bokeh, soft in back-focus) too. */
const SAME_PLANE = 0.6;
const JPEG_QUALITY = 90;

export interface PortraitEntry {
  file: string;
  photo: string;
  variant: PortraitVariant;
  expected: 'keep' | 'flag';
  /** Reference faces (SSD) in the image's pixels, largest first. */
  faces: FaceBox[];
  params: Record<string, number | string>;
}

export interface PortraitManifest {
  part: 'held-out' | 'tuning';
  seed: number;
  /** Photos of the part left out because no face was big enough to judge. */
  skipped: string[];
  files: PortraitEntry[];
}

export interface PortraitSetOptions {
  out: string;
  part: 'held-out' | 'tuning';
  photosDir?: string;
  seed?: number;
  /** Only the first N photos of the part (quick runs). */
  maxPhotos?: number;
  log?: (line: string) => void;
}

/** Images already in `out` are kept (the set is a pure function of the options, so an interrupted
 * build resumes); the manifest is rewritten after every photo. */
export async function buildPortraitSet(options: PortraitSetOptions): Promise<PortraitManifest> {
  const seed = options.seed ?? 1;
  const log = options.log ?? (() => {});
  await initTfNode('wasm');
  const cv = await loadOpenCvNode();
  const api = faceApiNode();
  readFaceNet(tf, api.nets.ssdMobilenetv1, 'ssd_mobilenetv1_model');
  const ssdOptions = new api.SsdMobilenetv1Options({ minConfidence: REFERENCE_MIN_SCORE });
  const wanted = options.part === 'held-out' ? 'validation' : 'train';
  const photos = listPeoplePhotos(options.photosDir).filter((p) => p.split === wanted).slice(0, options.maxPhotos ?? Infinity);
  const out = resolve(options.out);
  for (const v of PORTRAIT_VARIANTS) mkdirSync(join(out, v), { recursive: true });
  const manifest: PortraitManifest = { part: options.part, seed, skipped: [], files: [] };
  const previous = new Map<string, { params: PortraitEntry['params'] }>();
  if (existsSync(join(out, 'manifest.json'))) {
    const old = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as PortraitManifest;
    if (old.seed === seed && old.part === options.part) for (const f of old.files) previous.set(f.file, { params: f.params });
  }
  for (const photo of photos) {
    const rgba = toWorkingResolution(decodeJpeg(readFileSync(photo.path)), WORKING_MAX_SIDE);
    const rgb = new Int32Array(rgba.width * rgba.height * 3);
    for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) for (let c = 0; c < 3; c++) rgb[i + c] = rgba.data[j + c]!;
    const input = tf.tensor3d(rgb, [rgba.height, rgba.width, 3], 'int32');
    const detections: Array<{ box: FaceBox }> = await api.detectAllFaces(input, ssdOptions);
    input.dispose();
    const faces = detections.map((d) => ({ x: d.box.x, y: d.box.y, width: d.box.width, height: d.box.height })).sort((a, b) => b.width * b.height - a.width * a.height);
    if (faces.length === 0 || Math.min(faces[0]!.width, faces[0]!.height) < MIN_JUDGED_FACE) {
      manifest.skipped.push(photo.relPath);
      continue;
    }
    const inPlane = faces.filter((f) => f.height >= SAME_PLANE * faces[0]!.height);
    const image = rgbaToRgb(rgba);
    const mask = personMask(cv, image.width, image.height, inPlane);
    const stem = `${photo.category}-${basename(photo.relPath, extname(photo.relPath))}`.replace(/[^A-Za-z0-9_-]+/g, '_');
    for (const variant of PORTRAIT_VARIANTS) {
      const rng = mulberry32(deriveSeed(seed, 'portrait', photo.relPath, variant));
      const file = `${variant}/${stem}.jpg`;
      let params = previous.get(file)?.params;
      if (!params || !existsSync(join(out, file))) {
        const result = renderVariant(cv, rng, image, mask, variant);
        writeFileSync(join(out, file), encodeJpeg(rgbToRgba(result.image), JPEG_QUALITY));
        params = result.params;
      }
      manifest.files.push({ file, photo: photo.relPath, variant, expected: EXPECTED[variant], faces, params });
    }
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1));
    log(`${photo.relPath}: ${faces.length} face(s), largest ${Math.round(faces[0]!.height)} px`);
  }
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return manifest;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, part: { type: 'string', default: 'held-out' }, photos: { type: 'string' }, seed: { type: 'string' }, 'max-photos': { type: 'string' } } });
  if (!values.out || (values.part !== 'held-out' && values.part !== 'tuning')) {
    throw new Error('usage: build-portrait-set.ts --out DIR [--part held-out|tuning] [--photos DIR] [--seed N]');
  }
  const manifest = await buildPortraitSet({
    out: values.out,
    part: values.part,
    ...(values.photos ? { photosDir: values.photos } : {}),
    seed: values.seed ? Number(values.seed) : 1,
    ...(values['max-photos'] ? { maxPhotos: Number(values['max-photos']) } : {}),
    log: (line) => console.error(line),
  });
  console.error(`${manifest.files.length} images from ${manifest.files.length / PORTRAIT_VARIANTS.length} photos; ${manifest.skipped.length} photos without a face big enough to judge`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
