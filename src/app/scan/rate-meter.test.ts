import { describe, expect, it } from 'vitest';
import { RateMeter } from './rate-meter.ts';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('RateMeter', () => {
  it('knows nothing before two photos finish', () => {
    const c = clock();
    const meter = new RateMeter(c.now);
    expect(meter.rate()).toBe(0);
    meter.record();
    expect(meter.secondsLeft(10)).toBeNull();
  });

  it('measures photos per second from the first finished photo, ignoring start-up', () => {
    const c = clock();
    const meter = new RateMeter(c.now);
    c.advance(8000); // worker start-up
    for (let i = 0; i < 5; i++) {
      meter.record();
      c.advance(500);
    }
    c.advance(-500);
    expect(meter.rate()).toBeCloseTo(2, 5);
    expect(meter.secondsLeft(10)).toBeCloseTo(5, 5);
  });

  it('does not count paused time', () => {
    const c = clock();
    const meter = new RateMeter(c.now);
    meter.record();
    c.advance(1000);
    meter.pause();
    c.advance(60_000);
    meter.resume();
    meter.record();
    expect(meter.rate()).toBeCloseTo(1, 5);
  });

  it('slows down when photos stop arriving', () => {
    const c = clock();
    const meter = new RateMeter(c.now);
    meter.record();
    c.advance(1000);
    meter.record();
    const before = meter.rate();
    c.advance(5000);
    expect(meter.rate()).toBeLessThan(before);
  });
});
