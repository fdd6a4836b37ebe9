// Builds the held-out validation folder: DIR/<class>/<name>.jpg + DIR/manifest.json, from
// validation-split photos only plus procedural images under a seed salt training never uses.
//   npx tsx training/build-validation-set.ts --out DIR [--photos DIR] [--seed N] [--per-photo K]
//     [--procedural N] [--procedural-size WxH] [--max-photos N]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PATCH_CLASSES, type PatchClass } from '../src/core/types.ts';
import type { BlurKind } from './data/blur.ts';
import { loadOpenCvNode } from '../src/node/opencv.ts';
import { DEFAULT_PHOTOS_DIR, listPhotos } from './data/photos.ts';
import { PROCEDURAL_KINDS } from './data/procedural.ts';
import { deriveSeed, mulberry32 } from './data/rng.ts';
import { renderSample, photoSource, proceduralSource, type SampleMeta, type SampleSource } from './data/samples.ts';

/** The default set: 12 variants of each of the 46 validation photos plus 48 procedural frames, 600
 * images. The earlier 4 per photo (232 images) had a 95% interval ~9 points wide on balanced accuracy
 * and ranked a blur-type change the other way round from the 600-image set, so decisions were
 * noise; 12 narrows the interval to ~5 points for ~2-3 more minutes of synthesis. */
export const VALIDATION_DEFAULTS = { perPhoto: 12, procedural: 48 } as const;

export interface ValidationSetOptions {
  out: string;
  photosDir?: string;
  seed?: number;
  /** Samples made from each validation photo (classes rotate across them). */
  perPhoto?: number;
  /** Procedural images added on top of the photos. */
  procedural?: number;
  proceduralSize?: { width: number; height: number };
  /** Use only the first N validation photos (quick runs, tests). */
  maxPhotos?: number;
  log?: (line: string) => void;
}

export interface ManifestEntry {
  /** Path relative to the output folder. */
  file: string;
  class: PatchClass;
  meta: SampleMeta;
}

/** Bump when build-validation-set or the generator in training/data draws different images for the
 * same options, so sets built before the change are not mistaken for today's: the training cache
 * keys on it, `npm run eval` warns about a set built by another generator, and `npm run readme`
 * refuses its numbers. (A set from before the procedural-texture fix scored 0.921 where today's
 * scores 0.920: 12 of 600 images differed, and nothing said so.) */
export const VALIDATION_GENERATOR = 3;

export interface Manifest {
  version: 1;
  /** VALIDATION_GENERATOR of the code that built the set (absent in sets from before it was recorded). */
  generator?: number;
  seed: number;
  photosDir: string;
  perPhoto: number;
  procedural: number;
  files: ManifestEntry[];
}

/** Three strength levels (mild, medium, heavy) with jitter so strengths still cover 0..1. */
const STRENGTH_LEVELS = [
  { tag: 'mild', centre: 0.15 },
  { tag: 'medium', centre: 0.5 },
  { tag: 'heavy', centre: 0.85 },
] as const;

/** Procedural sources use this salt; the training generator salts with 'sample', so the two
 * never produce the same image. */
const VALIDATION_PROCEDURAL_SALT = 'validation-procedural';

interface Job {
  source: () => SampleSource;
  stem: string;
  label: PatchClass;
  /** Index into STRENGTH_LEVELS. */
  level: number;
  seed: number;
}

export async function buildValidationSet(options: ValidationSetOptions): Promise<Manifest> {
  const seed = options.seed ?? 1;
  const perPhoto = options.perPhoto ?? VALIDATION_DEFAULTS.perPhoto;
  const proceduralCount = options.procedural ?? VALIDATION_DEFAULTS.procedural;
  const photosDir = resolve(options.photosDir ?? DEFAULT_PHOTOS_DIR);
  const log = options.log ?? (() => {});
  const out = resolve(options.out);
  const cv = await loadOpenCvNode();

  const validation = listPhotos(photosDir)
    .filter((p) => p.split === 'validation')
    .slice(0, options.maxPhotos ?? Infinity);
  const jobs: Job[] = [];
  validation.forEach((entry, i) => {
    const stem = `${entry.category}-${basename(entry.relPath, extname(entry.relPath))}`.replace(/[^A-Za-z0-9_-]+/g, '_');
    const source = (): SampleSource => photoSource(entry);
    for (let k = 0; k < perPhoto; k++) {
      // Shifting the class rotation by photo index spreads every class over every photo; the
      // level (2i + k) then steps through mild/medium/heavy from photo to photo within a class.
      jobs.push({ source, stem: `${stem}-${k}`, label: PATCH_CLASSES[(i + k) % 4]!, level: (2 * i + k) % 3, seed: deriveSeed(seed, 'validation-photo', entry.relPath, k) });
    }
  });
  for (let j = 0; j < proceduralCount; j++) {
    const kind = PROCEDURAL_KINDS[j % PROCEDURAL_KINDS.length]!;
    const sourceSeed = deriveSeed(seed, VALIDATION_PROCEDURAL_SALT, j);
    jobs.push({
      source: () => proceduralSource(mulberry32(sourceSeed), String(j), { kind, ...options.proceduralSize }),
      stem: `procedural-${kind}-${j}`,
      label: PATCH_CLASSES[Math.floor(j / PROCEDURAL_KINDS.length) % 4]!,
      level: (Math.floor(j / PROCEDURAL_KINDS.length) + j) % 3,
      seed: deriveSeed(seed, 'validation-procedural-sample', j),
    });
  }

  for (const c of PATCH_CLASSES) mkdirSync(join(out, c), { recursive: true });
  const files: ManifestEntry[] = [];
  let cached: { key: () => SampleSource; source: SampleSource } | null = null;
  const started = performance.now();
  for (const job of jobs) {
    // Consecutive jobs from one photo share its decode (same source function).
    if (!cached || cached.key !== job.source) cached = { key: job.source, source: job.source() };
    const rng = mulberry32(job.seed);
    const level = STRENGTH_LEVELS[job.level]!;
    const strength = Math.min(1, Math.max(0, level.centre + rng.uniform(-0.12, 0.12)));
    const bokeh = job.label === 'sharp' && rng.chance(1 / 3);
    const kind: BlurKind | undefined = job.label === 'motion' ? (rng.chance(0.6) ? 'shake' : 'subject-motion') : undefined;
    const sample = renderSample(cv, rng, cached.source, job.label, { strength, bokeh, ...(kind ? { kind } : {}) });
    const name =
      job.label === 'sharp'
        ? `${job.stem}-sharp${bokeh ? '-bokeh' : ''}.jpg`
        : `${job.stem}-${sample.meta.kind}-${level.tag}.jpg`;
    const file = `${job.label}/${name}`;
    writeFileSync(join(out, file), sample.jpeg);
    files.push({ file, class: job.label, meta: sample.meta });
    if (files.length % 25 === 0) log(`${files.length}/${jobs.length} images, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const manifest: Manifest = { version: 1, generator: VALIDATION_GENERATOR, seed, photosDir, perPhoto, procedural: proceduralCount, files };
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return manifest;
}

/** What a labelled folder's manifest says about how it was built; null for a folder without one
 * (someone's own photos), or whose manifest.json some other tool wrote. */
export function validationSetOf(dir: string): Omit<Manifest, 'files' | 'photosDir'> | null {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as Manifest).files) || typeof (parsed as Manifest).seed !== 'number') return null;
  const { files: _files, photosDir: _photosDir, ...about } = parsed as Manifest;
  return about;
}

/** Why numbers from this set cannot stand next to numbers from one built today, or null if they can. */
export function staleValidationSet(about: Pick<Manifest, 'generator'>): string | null {
  if (about.generator === VALIDATION_GENERATOR) return null;
  const built = about.generator === undefined ? 'its manifest does not say which validation generator built it' : `validation generator ${about.generator} built it`;
  return `${built}, and build-validation-set now draws generator ${VALIDATION_GENERATOR} images: rebuild it with npx tsx training/build-validation-set.ts --out DIR`;
}

function parseSize(text: string | undefined): { width: number; height: number } | undefined {
  if (!text) return undefined;
  const m = /^(\d+)x(\d+)$/.exec(text);
  if (!m) throw new Error(`--procedural-size must look like 640x480, got ${text}`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

function parseCount(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${text}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      photos: { type: 'string' },
      seed: { type: 'string' },
      'per-photo': { type: 'string' },
      procedural: { type: 'string' },
      'procedural-size': { type: 'string' },
      'max-photos': { type: 'string' },
    },
  });
  if (!values.out) throw new Error('usage: build-validation-set.ts --out DIR [--photos DIR] [--seed N] [--per-photo K] [--procedural N] [--procedural-size WxH] [--max-photos N]');
  const started = performance.now();
  const manifest = await buildValidationSet({
    out: values.out,
    ...(values.photos ? { photosDir: values.photos } : {}),
    seed: parseCount('seed', values.seed) ?? 1,
    perPhoto: parseCount('per-photo', values['per-photo']) ?? VALIDATION_DEFAULTS.perPhoto,
    procedural: parseCount('procedural', values.procedural) ?? VALIDATION_DEFAULTS.procedural,
    ...(values['procedural-size'] ? { proceduralSize: parseSize(values['procedural-size'])! } : {}),
    ...(values['max-photos'] ? { maxPhotos: parseCount('max-photos', values['max-photos'])! } : {}),
    log: (line) => console.log(line),
  });
  const counts = PATCH_CLASSES.map((c) => `${c} ${manifest.files.filter((f) => f.class === c).length}`).join(', ');
  console.log(`wrote ${manifest.files.length} images (${counts}) to ${resolve(values.out)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
