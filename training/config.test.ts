import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeConfig } from './config.ts';
import { l2Candidates } from './stages/fit-heads.ts';

describe('training presets', () => {
  it('leave the whole-image ablation out of a full run unless asked for (it costs ~40 minutes)', () => {
    expect(makeConfig().wholeImage.enabled).toBe(false);
    expect(makeConfig({ wholeImageAblation: true }).wholeImage.enabled).toBe(true);
  });

  it('keep the ablation in the smoke run, so CI keeps its code working', () => {
    expect(makeConfig({ quick: true }).wholeImage.enabled).toBe(true);
  });

  it('fit the heads on the shipped CNN frozen unless --train-cnn', () => {
    expect(makeConfig().cnn.frozenModelDir).toMatch(/models[/\\]patch-cnn$/);
    expect(makeConfig({ trainCnn: true }).cnn.frozenModelDir).toBeUndefined();
  });

  it('give the heads every real training photo only over the frozen CNN, which never saw one', () => {
    const frozen = makeConfig().realPhotos;
    expect(frozen.allInHeads).toBe(true);
    // Those photos are then not unseen by the heads: the point is set on out-of-fold probabilities.
    expect(frozen.keepTarget).not.toBeNull();
    const trained = makeConfig({ trainCnn: true }).realPhotos;
    expect(trained.allInHeads).toBe(false);
    expect(trained.keepTarget).not.toBeNull();
    expect(makeConfig({ syntheticOnly: true }).realPhotos.asShotInHeads).toBe(false);
  });

  it("--reduced keeps the full run's data and photos, tries one L2 per head layer, and never writes models/", () => {
    const full = makeConfig();
    const reduced = makeConfig({ reduced: true });
    expect(reduced.data).toEqual(full.data);
    expect(reduced.realPhotos).toEqual(full.realPhotos);
    expect(reduced.cacheDir).toBe(full.cacheDir);
    expect({ ...reduced.heads, l2Search: 'grid' }).toEqual(full.heads);
    expect([full.heads.l2Search, reduced.heads.l2Search]).toEqual(['grid', 'reduced']);
    expect(reduced.outDir).toMatch(/training[/\\]out[/\\]reduced$/);
    expect(reduced.modelsDir).toBe(join(reduced.outDir, 'models'));
    for (const layer of ['blur-perceptron', 'blur-linear', 'type-perceptron', 'type-linear'] as const) {
      expect(l2Candidates(layer, 'reduced')).toHaveLength(1);
      expect(l2Candidates(layer, 'grid')).toContain(l2Candidates(layer, 'reduced')[0]);
    }
    expect(() => makeConfig({ quick: true, reduced: true })).toThrow(/choose one/);
  });
});
