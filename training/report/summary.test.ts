import { describe, expect, it } from 'vitest';
import type { LabelledPrediction } from '../../src/eval/metrics.ts';
import { GALLERY_MIX } from '../data/samples.ts';
import { galleryWeights, RARE_CLASSES, weightedReliability } from './summary.ts';

const pred = (label: LabelledPrediction['label'], probability: number): LabelledPrediction => ({ label, probability, typeProbabilities: null });

describe('report summary', () => {
  it('has zero calibration error when predicted rates match observed ones', () => {
    // Bin [0.2,0.3): mean 0.25 and one blurry in four; bin [0.7,0.8): mean 0.75 and three in four.
    const preds = [pred('sharp', 0.25), pred('sharp', 0.25), pred('sharp', 0.25), pred('motion', 0.25), pred('defocus', 0.75), pred('defocus', 0.75), pred('motion', 0.75), pred('sharp', 0.75)];
    const { ece, bins } = weightedReliability(preds, preds.map(() => 1));
    expect(ece).toBeCloseTo(0, 12);
    expect(bins[2]!.count).toBe(4);
    expect(bins[7]!.observedBlurry).toBeCloseTo(0.75, 12);
  });

  it('measures miscalibration, and re-weighting changes the mix it is measured under', () => {
    const preds = [pred('sharp', 0.55), pred('motion', 0.55)];
    expect(weightedReliability(preds, [1, 1]).ece).toBeCloseTo(0.05, 12);
    expect(weightedReliability(preds, [3, 1]).ece).toBeCloseTo(0.3, 12); // 25% blurry observed vs 55% predicted
  });

  it('weights classes to the gallery mix and calls gaussian the rare class', () => {
    const labels = ['sharp', 'sharp', 'defocus', 'gaussian'] as const;
    const w = galleryWeights([...labels]);
    expect(w[0]! + w[1]!).toBeCloseTo(GALLERY_MIX.sharp, 12);
    expect(w[3]).toBeCloseTo(GALLERY_MIX.gaussian, 12);
    expect(RARE_CLASSES).toEqual(['gaussian']);
  });
});
