import { describe, expect, it } from 'vitest';
import { makeConfig } from '../config.ts';
import { listPeoplePhotos, listPhotos, listRealPhotos } from '../data/photos.ts';
import { asShotTrainingPhotos, photoSet, poolOfSource } from './data.ts';
import { forEachAsShotImage } from './real-as-shot.ts';

describe('photos the heads see as shot', () => {
  const config = makeConfig();

  it('come from the training part of each pool asked for, never its held-out part', () => {
    const held = new Set([...listRealPhotos(config.realPhotosDir), ...listPhotos(config.photosDir), ...listPeoplePhotos(config.peoplePhotosDir)].filter((p) => p.split !== 'train').map((p) => p.path));
    const photos = asShotTrainingPhotos(config, ['real', 'benchmark', 'people']);
    expect(photos.length).toBeGreaterThan(0);
    for (const { photo } of photos) expect(held.has(photo.path)).toBe(false);
    for (const pool of ['real', 'benchmark', 'people'] as const) expect(asShotTrainingPhotos(config, [pool]).length).toBeGreaterThan(0);
  });

  it('are named uniquely across pools, the real pool by its path alone (as earlier runs named them)', () => {
    const photos = asShotTrainingPhotos(config, ['real', 'benchmark', 'people']);
    expect(new Set(photos.map((p) => p.source)).size).toBe(photos.length);
    const real = asShotTrainingPhotos(config, ['real']);
    expect(real.map((p) => p.source)).toEqual(real.map((p) => p.photo.relPath));
  });

  it('tell their pool by their name (the threshold stage keeps the real pool by it)', () => {
    for (const { pool, source } of asShotTrainingPhotos(config, ['real', 'benchmark', 'people'])) expect(poolOfSource(source)).toBe(pool);
  });

  it('never include a benchmark photo the CNN trained on (its features there would be in-sample)', async () => {
    const sources: string[] = [];
    const quick = { ...config, data: { ...config.data, maxRealPhotos: 40 } };
    await forEachAsShotImage(quick, 'all', { pools: ['benchmark'], counterparts: 0 }, (image) => {
      sources.push(image.source);
    });
    const cnnPart = new Set(asShotTrainingPhotos(config, ['benchmark']).filter(({ photo }) => photoSet(photo, config.data.cnnPhotoShare) === 'cnn').map((p) => p.source));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(cnnPart.has(source)).toBe(false);
  }, 120_000);

  it('come from every pool, two blurred counterparts each, in the shipped recipe', () => {
    for (const config of [makeConfig(), makeConfig({ trainCnn: true })]) {
      expect(config.realPhotos.asShotPools).toEqual(['real', 'benchmark', 'people']);
      expect(config.realPhotos.blurredCounterparts).toBe(2);
    }
  });
});
