import { describe, expect, it } from 'vitest';
import { makeConfig } from './config.ts';

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
});
