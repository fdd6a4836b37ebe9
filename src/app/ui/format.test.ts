import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatPercent, formatRate, plural } from './format.ts';

describe('format', () => {
  it('writes sizes in decimal units', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(3_450_000)).toBe('3.5 MB');
    expect(formatBytes(250_000_000)).toBe('250 MB');
    expect(formatBytes(-1)).toBe('—');
  });

  it('rounds durations to what a waiting person needs', () => {
    expect(formatDuration(3.4)).toBe('3 s');
    expect(formatDuration(42)).toBe('40 s');
    expect(formatDuration(150)).toBe('3 min');
    expect(formatDuration(3 * 3600 + 600)).toBe('3 h 10 min');
  });

  it('formats percentages, rates and plurals', () => {
    expect(formatPercent(0.876)).toBe('88%');
    expect(formatRate(2.345)).toBe('2.3 photos/s');
    expect(formatRate(0.5)).toBe('30 photos/min');
    expect(formatRate(0)).toBe('—');
    expect(plural(1, 'photo')).toBe('1 photo');
    expect(plural(3, 'photo')).toBe('3 photos');
  });
});
