import { describe, expect, it } from 'vitest';
import { causeFor, DEFAULT_THRESHOLD, DEFAULT_UNCERTAIN_BAND, verdictFor, verdictThresholds } from './verdict.ts';

describe('verdictFor', () => {
  it('is sharp below, uncertain around and blurry above the default threshold', () => {
    expect(DEFAULT_THRESHOLD).toBe(0.5);
    expect(verdictFor(0.1)).toBe('sharp');
    expect(verdictFor(0.449)).toBe('sharp');
    expect(verdictFor(0.45)).toBe('uncertain');
    expect(verdictFor(0.5)).toBe('uncertain');
    expect(verdictFor(0.549)).toBe('uncertain');
    expect(verdictFor(0.55)).toBe('blurry');
    expect(verdictFor(0.99)).toBe('blurry');
  });

  it('moves the band with the threshold and honours its width', () => {
    expect(verdictFor(0.65, 0.7, 0.2)).toBe('uncertain');
    expect(verdictFor(0.59, 0.7, 0.2)).toBe('sharp');
    expect(verdictFor(0.8, 0.7, 0.2)).toBe('blurry');
    const t = verdictThresholds(0.7, 0.2);
    expect(t.uncertainFrom).toBeCloseTo(0.6, 12);
    expect(t.blurryFrom).toBeCloseTo(0.8, 12);
  });

  it('has no uncertain verdicts when the band is zero', () => {
    expect(verdictFor(0.5, 0.5, 0)).toBe('blurry');
    expect(verdictFor(0.4999, 0.5, 0)).toBe('sharp');
  });

  it('calls an unknown probability uncertain and rejects a negative band', () => {
    expect(verdictFor(Number.NaN)).toBe('uncertain');
    expect(() => verdictFor(0.5, 0.5, -0.1)).toThrow(RangeError);
    expect(DEFAULT_UNCERTAIN_BAND).toBeLessThanOrEqual(0.2);
  });
});

describe('causeFor', () => {
  it('names the likelier cause also when the slider makes a sharp photo blurry', () => {
    const a = { blurType: null, typeProbabilities: { motion: 0.1, defocus: 0.6, gaussian: 0.3 } };
    expect(causeFor(a, 'blurry')).toBe('out-of-focus');
    expect(causeFor(a, 'uncertain')).toBe('out-of-focus');
    expect(causeFor(a, 'sharp')).toBeNull();
    expect(causeFor({ ...a, typeProbabilities: null }, 'blurry')).toBeNull();
  });

  it('tells defocus and gaussian softness as one cause against motion', () => {
    // Motion is the single likeliest type, but out of focus (0.35 + 0.25) outweighs it.
    expect(causeFor({ blurType: 'motion', typeProbabilities: { motion: 0.4, defocus: 0.35, gaussian: 0.25 } }, 'blurry')).toBe('out-of-focus');
    expect(causeFor({ blurType: null, typeProbabilities: { motion: 0.7, defocus: 0.2, gaussian: 0.1 } }, 'blurry')).toBe('motion');
    expect(causeFor({ blurType: 'gaussian', typeProbabilities: null }, 'blurry')).toBe('out-of-focus');
  });
});
