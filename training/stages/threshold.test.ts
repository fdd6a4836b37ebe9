import { describe, expect, it } from 'vitest';
import type { FusionParams } from '../../src/core/fusion/head.ts';
import { chooseThreshold, MAX_THRESHOLD, withOperatingPoint } from './threshold.ts';

describe('the operating point on real sharp photos', () => {
  it('stays at 0.5 when real sharp photos are already kept', () => {
    expect(chooseThreshold([0.01, 0.1, 0.2, 0.3], 0.98)).toBe(0.5);
    expect(chooseThreshold([...Array(19).fill(0.2), 0.9])).toBe(0.5);
    expect(chooseThreshold([])).toBe(0.5);
  });

  it('moves just above the highest sharp photo it must keep', () => {
    // 50 photos, 98% kept = 49: the 49th lowest is 0.7, the one above (0.9) may be flagged.
    const p = [...Array(48).fill(0.2), 0.7, 0.9];
    const t = chooseThreshold(p, 0.98);
    expect(t).toBeGreaterThan(0.7);
    expect(t).toBeLessThan(0.7001);
    expect(p.filter((x) => x < t)).toHaveLength(49);
  });

  it('never moves past the cap, whatever the outliers', () => {
    expect(chooseThreshold([0.99, 0.995, 0.999], 0.98)).toBe(MAX_THRESHOLD);
  });

  it('maps the chosen threshold to 0.5 and keeps the ranking', () => {
    const head = { calibration: { scale: 1.3, offset: -0.4 } } as FusionParams;
    const shifted = withOperatingPoint(head, 0.8);
    const p = (h: FusionParams, z: number) => 1 / (1 + Math.exp(-(h.calibration.scale * z + h.calibration.offset)));
    const zAt = (prob: number) => (Math.log(prob / (1 - prob)) - head.calibration.offset) / head.calibration.scale;
    expect(p(shifted, zAt(0.8))).toBeCloseTo(0.5, 10);
    expect(p(shifted, zAt(0.9))).toBeGreaterThan(0.5);
    expect(p(shifted, zAt(0.7))).toBeLessThan(0.5);
    expect(shifted.calibration.scale).toBe(head.calibration.scale);
  });
});
