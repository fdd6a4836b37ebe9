// The fuse stage's real photos as shot and their blurred counterparts, as head examples (classical
// and CNN features), kept between runs. Making them is a full decode, a blur and a JPEG save per
// counterpart, and the CNN over every image: 7.5 of a full run's 37 fuse minutes (2026-12-07), the
// same for any two runs that differ only in their heads. Keyed by everything that makes them: the
// data and as-shot versions, the seed, the photos, the recipe (pools, counterparts, which part)
// and a digest of the CNN's bytes, named as the data stage names its caches (cacheKeyOf).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayersModel } from '@tensorflow/tfjs';
import { patchFeatures } from '../../src/core/cnn/patch-features.ts';
import type { RunConfig } from '../config.ts';
import type { HeadExample } from '../fit-head.ts';
import { asShotTrainingPhotos, cacheKeyOf, DATA_VERSION } from './data.ts';
import { forEachAsShotImage, type AsShotProgress } from './real-as-shot.ts';

/** Bump when real-as-shot.ts makes different images from the same photos. */
export const AS_SHOT_VERSION = 1;

export interface AsShotExample extends HeadExample {
  /** Source photo: every size and counterpart of one photo shares a fold. */
  source: string;
  /** The classical features alone, for the features head. */
  classical: HeadExample['features'];
}

/** SHA-1 over a model folder's files (names and bytes, in name order). */
export function modelDigest(dir: string): string {
  const hash = createHash('sha1');
  for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  return hash.digest('hex');
}

export function asShotCacheKey(config: RunConfig, modelDir: string): string {
  const { asShotPools: pools, blurredCounterparts: counterparts, allInHeads } = config.realPhotos;
  const identity = {
    data: DATA_VERSION,
    asShot: AS_SHOT_VERSION,
    seed: config.seed,
    part: allInHeads ? 'all' : 'head',
    pools,
    counterparts,
    cnnPhotoShare: config.data.cnnPhotoShare,
    maxRealPhotos: config.data.maxRealPhotos ?? null,
    photos: asShotTrainingPhotos(config, pools).map((p) => p.source),
    cnn: modelDigest(modelDir),
  };
  return cacheKeyOf(identity);
}

/** JSON for the cache file. JSON has no NaN (a feature can be one: fit-head.ts skips it), so
 * non-finite numbers go as strings; finite ones round-trip exactly. */
export const toCacheJson = (examples: readonly AsShotExample[]): string =>
  JSON.stringify(examples, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
export const fromCacheJson = (json: string): AsShotExample[] =>
  JSON.parse(json, (_, v: unknown) => (v === 'NaN' || v === 'Infinity' || v === '-Infinity' ? Number(v) : v)) as AsShotExample[];

/** The examples from the cache when a run made them before, else made (and cached). */
export async function asShotExamples(config: RunConfig, model: LayersModel, modelDir: string, progress: AsShotProgress): Promise<{ examples: AsShotExample[]; cached: boolean }> {
  const file = join(config.cacheDir, `as-shot-${asShotCacheKey(config, modelDir)}.json`);
  if (existsSync(file)) return { examples: fromCacheJson(readFileSync(file, 'utf8')), cached: true };
  const examples: AsShotExample[] = [];
  const { asShotPools: pools, blurredCounterparts: counterparts, allInHeads } = config.realPhotos;
  await forEachAsShotImage(config, allInHeads ? 'all' : 'head', { pools, counterparts }, async (im) => {
    examples.push({ source: im.source, label: im.label, classical: im.features, features: { ...im.features, ...(await patchFeatures(model, im.luma)).features } });
  }, progress);
  mkdirSync(config.cacheDir, { recursive: true });
  writeFileSync(file, toCacheJson(examples));
  return { examples, cached: false };
}
