import { describe, expect, it } from 'vitest';
import { verdictAt, verdictFor, verdictThresholds } from '../../core/fusion/verdict.ts';
import { bandsAt, DEFAULT_SENSITIVITY } from './sensitivity.ts';

const base = verdictThresholds();

describe('sensitivity', () => {
  it('reproduces the core verdicts at the middle position', () => {
    const bands = bandsAt(DEFAULT_SENSITIVITY, base);
    for (let p = 0; p <= 1; p += 0.01) expect(verdictAt(p, bands)).toBe(verdictFor(p));
  });

  it('calls more photos blurry as it rises and fewer as it falls', () => {
    const p = 0.3; // sharp at the default
    expect(verdictAt(p, bandsAt(50, base))).toBe('sharp');
    expect(verdictAt(p, bandsAt(90, base))).toBe('blurry');
    expect(verdictAt(0.7, bandsAt(10, base))).toBe('sharp');
  });

  it('moves both bands monotonically and keeps them inside (0, 1)', () => {
    let previous = bandsAt(0, base);
    for (let s = 5; s <= 100; s += 5) {
      const bands = bandsAt(s, base);
      expect(bands.blurryFrom).toBeLessThan(previous.blurryFrom);
      expect(bands.uncertainFrom).toBeLessThan(previous.uncertainFrom);
      expect(bands.uncertainFrom).toBeLessThanOrEqual(bands.blurryFrom);
      expect(bands.uncertainFrom).toBeGreaterThan(0);
      expect(bands.blurryFrom).toBeLessThan(1);
      previous = bands;
    }
  });

  it('clamps values outside the slider range', () => {
    expect(bandsAt(-50, base)).toEqual(bandsAt(0, base));
    expect(bandsAt(500, base)).toEqual(bandsAt(100, base));
  });
});
