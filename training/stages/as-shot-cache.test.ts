import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeConfig, type RunConfig } from '../config.ts';
import { loadLayersModelFromDir } from '../../src/node/model-files.ts';
import { REPO_ROOT } from '../data/photos.ts';
import { initTrainingBackend } from '../tf-backend.ts';
import { asShotCacheKey, asShotExamples, fromCacheJson, toCacheJson, type AsShotExample } from './as-shot-cache.ts';

const temp = mkdtempSync(join(tmpdir(), 'as-shot-cache-test-'));
const modelDir = join(temp, 'cnn');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Two real training photos, one blurred counterpart each, a cache of its own. */
function config(overrides: Partial<RunConfig['realPhotos']> = {}): RunConfig {
  const base = makeConfig({ quick: true, outDir: join(temp, 'out') });
  return { ...base, cacheDir: join(temp, 'cache'), data: { ...base.data, maxRealPhotos: 2 }, realPhotos: { ...base.realPhotos, asShotPools: ['real'], blurredCounterparts: 1, ...overrides } };
}

describe('the real as-shot examples kept between runs', () => {
  beforeAll(async () => {
    await initTrainingBackend('wasm');
    cpSync(join(REPO_ROOT, 'models/patch-cnn'), modelDir, { recursive: true });
  });

  it('are made once, then read back exactly as made by a run with the same recipe', async () => {
    const model = await loadLayersModelFromDir(modelDir);
    const first = await asShotExamples(config(), model, modelDir, () => {});
    expect(first.cached).toBe(false);
    expect(first.examples.length).toBeGreaterThan(0);
    expect(new Set(first.examples.map((e) => e.label))).toContain('sharp');
    expect(first.examples.some((e) => e.label !== 'sharp')).toBe(true);
    // The CNN's features are there beside the classical ones, which the features head reads alone.
    for (const e of first.examples) expect(Object.keys(e.features).length).toBeGreaterThan(Object.keys(e.classical).length);
    const again = await asShotExamples(config(), model, modelDir, () => {});
    expect(again.cached).toBe(true);
    expect(again.examples).toEqual(first.examples);
    model.dispose();
  }, 120_000);

  it('keep features JSON cannot hold (NaN, infinities) and every finite number exactly', () => {
    const examples: AsShotExample[] = [{ source: 'a/b.jpg', label: 'sharp', classical: { lapLogVar1: Number.NaN }, features: { lapLogVar1: Number.NaN, x: 0.1 + 0.2, y: -Infinity, z: 1e-300 } }];
    expect(fromCacheJson(toCacheJson(examples))).toEqual(examples);
  });

  it('are made anew when the recipe or the CNN changes', () => {
    const key = asShotCacheKey(config(), modelDir);
    expect(asShotCacheKey(config(), modelDir)).toBe(key);
    expect(asShotCacheKey(config({ blurredCounterparts: 2 }), modelDir)).not.toBe(key);
    expect(asShotCacheKey(config({ asShotPools: ['real', 'people'] }), modelDir)).not.toBe(key);
    expect(asShotCacheKey({ ...config(), seed: 2 }, modelDir)).not.toBe(key);
    const weights = readdirSync(modelDir).find((f) => f.endsWith('.bin'))!;
    writeFileSync(join(modelDir, weights), new Uint8Array(16));
    expect(asShotCacheKey(config(), modelDir)).not.toBe(key);
  });
});
