// Stage 'data': synthesise the training images (gallery class mix, from training-split photos and
// procedural frames), decode them exactly as the app would, and record per image its classical
// features and labelled crop positions. Images are cached by content key under training/cache, so
// later stages and later runs with the same settings reuse them. Also builds (or reuses) the
// held-out validation set and the type set (blurred images for the blur-type layer). Synthesis
// runs in one process per core (stages/synthesise.ts).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LumaImage } from '../../src/core/types.ts';
import { WORKING_MAX_SIDE } from '../../src/core/image/working-resolution.ts';
import { decodeJpegFileLuma } from '../../src/node/jpeg-decoder.ts';
import { listPeoplePhotos, listPhotos, listRealPhotos, type PhotoEntry } from '../data/photos.ts';
import { hashString } from '../data/rng.ts';
import { GALLERY_MIX } from '../data/samples.ts';
import { buildValidationSet, VALIDATION_GENERATOR, type Manifest as ValidationManifest } from '../build-validation-set.ts';
import type { AsShotPool, RunConfig } from '../config.ts';
import { synthesiseSet, synthesisWorkers } from './synthesise.ts';
import { createProgress } from '../../src/node/progress.ts';
import type { DataImage, DataManifest, PhotoSet } from './data-images.ts';

/** Bump when what the data stage stores, or how the generator in training/data draws images,
 * changes, so stale caches are not reused (a generator change bumps VALIDATION_GENERATOR too).
 * 5: features from the app's libjpeg-turbo decode instead of jpeg-js (luma ~0.4 brighter, since
 * jpeg-js truncates its RGB; Laplacian features within 0.3% on real photos). */
export const DATA_VERSION = 5;

export interface ValidationData {
  dir: string;
  manifest: ValidationManifest;
}

/** Decodes a cached JPEG the way `npm run eval` and the app do: decode, working size, luma. */
export function loadWorkingLuma(path: string): LumaImage {
  return decodeJpegFileLuma(path, WORKING_MAX_SIDE);
}

/** Splits training photos between the CNN and the heads, by a salted hash of the path (stable). */
export function photoSet(photo: PhotoEntry, cnnShare: number): PhotoSet {
  return hashString(`cnn-or-head-v1:${photo.relPath}`) / 4294967296 < cnnShare ? 'cnn' : 'head';
}

/** A cache entry's name from everything that made it (a change to any part makes a new entry). */
export function cacheKeyOf(identity: unknown): string {
  return hashString(JSON.stringify(identity)).toString(16).padStart(8, '0');
}

function dataKey(config: RunConfig, photos: Record<PhotoSet, string[]>): string {
  const { maxRealPhotos: _asShotOnly, ...synthesis } = config.data;
  return cacheKeyOf({ v: DATA_VERSION, seed: config.seed, data: synthesis, photos, mix: GALLERY_MIX, ...(config.cnn.frozenModelDir ? { noCnnImages: true } : {}) });
}

export function dataDir(config: RunConfig, key: string): string {
  return join(config.cacheDir, `data-${key}`);
}

/** Training part of the real-photo pool (none when the folder is missing). */
export function realTrainingPhotos(config: RunConfig): PhotoEntry[] {
  return existsSync(config.realPhotosDir) ? listRealPhotos(config.realPhotosDir).filter((p) => p.split === 'train') : [];
}

/** A training photo judged as shot; `source` names it across pools (folds and seeds follow it). */
export interface AsShotPhoto {
  pool: AsShotPool;
  source: string;
  photo: PhotoEntry;
}

/** How a pool's photos are named among the as-shot sources: the real pool's by their path in the
 * pool alone, as before other pools joined, so the folds and seeds of earlier runs hold. */
const SOURCE_PREFIX: Record<AsShotPool, string> = { real: '', benchmark: 'benchmark:', people: 'people:' };

/** Training parts of the given pools, in pool order, each photo named by SOURCE_PREFIX. */
export function asShotTrainingPhotos(config: RunConfig, pools: readonly AsShotPool[]): AsShotPhoto[] {
  const trainingPart = (dir: string, list: (dir: string) => PhotoEntry[]) => (existsSync(dir) ? list(dir).filter((p) => p.split === 'train') : []);
  const byPool: Record<AsShotPool, () => PhotoEntry[]> = {
    real: () => realTrainingPhotos(config),
    benchmark: () => trainingPart(config.photosDir, listPhotos),
    people: () => trainingPart(config.peoplePhotosDir, listPeoplePhotos),
  };
  return pools.flatMap((pool) => byPool[pool]().map((photo) => ({ pool, source: `${SOURCE_PREFIX[pool]}${photo.relPath}`, photo })));
}

/** The pool an as-shot source (asShotTrainingPhotos) came from. */
export function poolOfSource(source: string): AsShotPool {
  return (['benchmark', 'people'] as const).find((pool) => source.startsWith(SOURCE_PREFIX[pool])) ?? 'real';
}

/** Training photos of both pools: benchmark photos alone were too few and too texture-rich for a
 * phone gallery (sharp low-texture scenes read as blur). */
function trainingPhotos(config: RunConfig): Record<PhotoSet, PhotoEntry[]> {
  const train = [...listPhotos(config.photosDir).filter((p) => p.split === 'train'), ...(config.realPhotos.inPool ? realTrainingPhotos(config) : [])]
    .slice(0, config.data.maxPhotos ?? Infinity);
  return {
    cnn: train.filter((p) => photoSet(p, config.data.cnnPhotoShare) === 'cnn'),
    head: train.filter((p) => photoSet(p, config.data.cnnPhotoShare) === 'head'),
  };
}

/** Builds (or reuses) the held-out validation set under the cache. */
export async function ensureValidationSet(config: RunConfig): Promise<ValidationData> {
  const v = config.validation;
  const key = cacheKeyOf({ version: VALIDATION_GENERATOR, seed: config.seed, v, photos: config.photosDir });
  const dir = join(config.cacheDir, `validation-${key}`);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) return { dir, manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) as ValidationManifest };
  const expected = v.procedural + v.perPhoto * Math.min(v.maxPhotos ?? Infinity, listPhotos(config.photosDir).filter((p) => p.split === 'validation').length);
  const progress = createProgress('data: validation set', expected);
  const manifest = await buildValidationSet({
    out: dir,
    photosDir: config.photosDir,
    seed: config.seed,
    perPhoto: v.perPhoto,
    procedural: v.procedural,
    ...(v.maxPhotos !== undefined ? { maxPhotos: v.maxPhotos } : {}),
    ...(v.proceduralSize ? { proceduralSize: v.proceduralSize } : {}),
    log: (line) => {
      const m = /^(\d+)\//.exec(line);
      if (m) progress.update(Number(m[1]));
    },
  });
  progress.finish(`${manifest.files.length} images`);
  return { dir, manifest };
}

/** Runs the stage; returns the manifest of the (possibly cached) training images. */
export async function runDataStage(config: RunConfig): Promise<DataManifest> {
  const photos = trainingPhotos(config);
  const photoNames = { cnn: photos.cnn.map((p) => p.relPath), head: photos.head.map((p) => p.relPath) };
  const key = dataKey(config, photoNames);
  const dir = dataDir(config, key);
  const manifestPath = join(dir, 'manifest.json');
  await ensureValidationSet(config);
  await ensureTypeSet(config);
  if (existsSync(manifestPath)) {
    const cached = JSON.parse(readFileSync(manifestPath, 'utf8')) as DataManifest;
    process.stderr.write(`[data] reusing ${cached.images.length} cached images in ${dir}\n`);
    writeFileSync(join(config.outDir, 'data-manifest-path.txt'), manifestPath);
    return cached;
  }
  mkdirSync(join(dir, 'images'), { recursive: true });
  const started = performance.now();
  const images: DataImage[] = [];
  const total = (config.cnn.frozenModelDir ? 0 : config.data.cnnImages) + config.data.headImages;
  const workers = synthesisWorkers();
  const progress = createProgress(`data: training images (${workers} processes)`, total);
  for (const set of ['cnn', 'head'] as const) {
    // A frozen CNN needs no images to learn from.
    const count = set === 'cnn' ? (config.cnn.frozenModelDir ? 0 : config.data.cnnImages) : config.data.headImages;
    if (count === 0) continue;
    let done = 0;
    const setImages = await synthesiseSet({ config, set, count, mix: GALLERY_MIX, photos: photos[set], dir }, workers, (image) => {
      done++;
      progress.update(images.length + done, `${image.label} ${image.category}`);
    });
    images.push(...setImages);
  }
  const manifest: DataManifest = {
    version: DATA_VERSION,
    key,
    seed: config.seed,
    photosDir: config.photosDir,
    photos: photoNames,
    images,
    seconds: (performance.now() - started) / 1000,
  };
  writeFileSync(manifestPath, JSON.stringify(manifest));
  writeFileSync(join(config.outDir, 'data-manifest-path.txt'), manifestPath);
  const crops = images.reduce((n, im) => n + im.crops.length, 0);
  progress.finish(`${images.length} images, ${crops} labelled crops`);
  return manifest;
}

/** Blur kinds evenly: the type layer is fitted class-balanced, and the gallery mix gives it only a
 * handful of the rare kind. */
const TYPE_MIX = { sharp: 0, defocus: 1, motion: 1, gaussian: 1 };

/** Builds (or reuses) the type set: config.heads.typeImages blurred images from the head photos,
 * cached under its own key so it can change without re-making the CNN's images. */
export async function ensureTypeSet(config: RunConfig): Promise<{ dir: string; images: DataImage[] }> {
  const photos = trainingPhotos(config).head;
  const count = config.heads.typeImages;
  const identity = { v: DATA_VERSION, seed: config.seed, count, photos: photos.map((p) => p.relPath), mix: TYPE_MIX, data: config.data };
  const dir = join(config.cacheDir, `type-${cacheKeyOf(identity)}`);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) return { dir, images: (JSON.parse(readFileSync(manifestPath, 'utf8')) as { images: DataImage[] }).images };
  mkdirSync(join(dir, 'images'), { recursive: true });
  const progress = createProgress('data: type-set images', count);
  let done = 0;
  const images = await synthesiseSet({ config, set: 'type', count, mix: TYPE_MIX, photos, dir }, synthesisWorkers(), () => progress.update(++done));
  writeFileSync(manifestPath, JSON.stringify({ version: DATA_VERSION, images }));
  progress.finish(`${images.length} images`);
  return { dir, images };
}

/** The manifest the last data stage wrote for this out folder (stages run alone read it). */
export function loadDataManifest(config: RunConfig): DataManifest {
  const pointer = join(config.outDir, 'data-manifest-path.txt');
  if (!existsSync(pointer)) throw new Error(`no data for ${config.outDir}: run the 'data' stage first`);
  return JSON.parse(readFileSync(readFileSync(pointer, 'utf8').trim(), 'utf8')) as DataManifest;
}
