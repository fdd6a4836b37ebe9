import { describe, expect, it } from 'vitest';
import { groupBursts, type BurstCandidate } from './group.ts';

const A = '8e8d08080c0c2e2c';
const A_NEAR = '8e8d0c080c0c2e24'; // 3 bits from A
const B = '0808fcfce9edde9e';

const shot = (key: string, time: number, hash: string, probability: number, size = 1000): BurstCandidate => ({ key, time, hash, probability, size });

describe('groupBursts', () => {
  it('groups similar shots taken seconds apart and picks the sharpest', () => {
    const bursts = groupBursts([shot('a1', 0, A, 0.9), shot('a2', 1500, A_NEAR, 0.1), shot('a3', 3000, A, 0.6)]);
    expect(bursts).toEqual([{ keys: ['a1', 'a2', 'a3'], best: 'a2' }]);
  });

  it('does not join a different scene taken at the same moment', () => {
    expect(groupBursts([shot('a', 0, A, 0.2), shot('b', 500, B, 0.1)])).toEqual([]);
  });

  it('does not join the same view photographed much later', () => {
    expect(groupBursts([shot('a', 0, A, 0.2), shot('a-later', 60_000, A, 0.1)])).toEqual([]);
  });

  it('splits two bursts and leaves singles out', () => {
    const bursts = groupBursts([
      shot('b2', 10_000 + 800, B, 0.5),
      shot('a1', 0, A, 0.3),
      shot('single', 5_000, B, 0.1),
      shot('a2', 1000, A, 0.4),
      shot('b1', 10_000, B, 0.7),
    ]);
    expect(bursts).toEqual([
      { keys: ['a1', 'a2'], best: 'a1' },
      { keys: ['b1', 'b2'], best: 'b2' },
    ]);
  });

  it('breaks ties by the larger file', () => {
    expect(groupBursts([shot('small', 0, A, 0.2, 10), shot('big', 100, A, 0.2, 20)])[0].best).toBe('big');
  });

  it('prefers the shot with eyes open, then the one whose face is in focus, over a sharper frame', () => {
    const blink = { ...shot('blink', 0, A, 0.05), eyesClosed: true };
    const open = shot('open', 500, A, 0.3);
    expect(groupBursts([blink, open])[0].best).toBe('open');
    const missed = { ...shot('missed', 0, A, 0.05), faceSoft: true };
    expect(groupBursts([missed, open])[0].best).toBe('open');
    expect(groupBursts([{ ...blink }, { ...missed, key: 'm' }])[0].best).toBe('m');
  });
});
