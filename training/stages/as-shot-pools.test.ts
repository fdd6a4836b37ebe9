import { describe, expect, it } from 'vitest';
import { makeConfig } from '../config.ts';
import { listPeoplePhotos, listPhotos, listRealPhotos } from '../data/photos.ts';
import { asShotTrainingPhotos } from './data.ts';

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

  it('are the real pool alone in the shipped recipe', () => {
    expect(makeConfig({ trainCnn: true }).realPhotos.asShotPools).toEqual(['real']);
  });
});
