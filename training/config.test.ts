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
});
