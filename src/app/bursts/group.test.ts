import { describe, expect, it } from 'vitest';
import { groupPhotos, type BurstCandidate } from './group.ts';

const A = '8e8d08080c0c2e2c';
const A_NEAR = '8e8d0c080c0c2e24'; // 3 bits from A
const A_LOOSE = '8e8d0c080c0c2ed3'; // 9 bits from A: a blurred or re-framed shot, close enough for a burst only
const B = '0808fcfce9edde9e';
const MIN = 60_000;

const shot = (key: string, time: number, hash: string, probability: number, size = 1000): BurstCandidate => ({ key, time, hash, probability, size });

describe('groupPhotos: bursts', () => {
  it('groups similar shots taken seconds apart and picks the sharpest', () => {
    const groups = groupPhotos([shot('a1', 0, A, 0.9), shot('a2', 1500, A_NEAR, 0.1), shot('a3', 3000, A_LOOSE, 0.6)]);
    expect(groups).toEqual([{ id: 'a1', kind: 'burst', keys: ['a1', 'a2', 'a3'], best: 'a2' }]);
  });

  it('does not join a different scene taken at the same moment', () => {
    expect(groupPhotos([shot('a', 0, A, 0.2), shot('b', 500, B, 0.1)])).toEqual([]);
  });

  it('splits two bursts and leaves singles out', () => {
    const groups = groupPhotos([
      shot('b2', 10_000 + 800, B, 0.5),
      shot('a1', 0, A, 0.3),
      shot('single', 5_000, B.replace('08', 'f7'), 0.1),
      shot('a2', 1000, A, 0.4),
      shot('b1', 10_000, B, 0.7),
    ]);
    expect(groups).toEqual([
      { id: 'a1', kind: 'burst', keys: ['a1', 'a2'], best: 'a1' },
      { id: 'b1', kind: 'burst', keys: ['b1', 'b2'], best: 'b2' },
    ]);
  });

  it('breaks ties by the larger file', () => {
    expect(groupPhotos([shot('small', 0, A, 0.2, 10), shot('big', 100, A, 0.2, 20)])[0].best).toBe('big');
  });
});

describe('groupPhotos: similar shots beyond the burst window', () => {
  it('joins a near-identical re-take minutes later as similar, with the burst it belongs to', () => {
    const groups = groupPhotos([shot('a1', 0, A, 0.8), shot('a2', 1000, A_LOOSE, 0.7), shot('retake', 10 * MIN, A_NEAR, 0.2)]);
    expect(groups).toEqual([{ id: 'a1', kind: 'similar', keys: ['a1', 'a2', 'retake'], best: 'retake' }]);
  });

  it('needs a much closer hash than a burst does', () => {
    expect(groupPhotos([shot('a', 0, A, 0.2), shot('a-reframed', 10 * MIN, A_LOOSE, 0.1)])).toEqual([]);
  });

  it('with both hash halves, a re-framed re-take joins while bands that only look alike sideways do not', () => {
    const H = A + '00ff00ff00ff00ff';
    const reframed = '8e8d0c080c0c2ef3' + '00ff00ff00ff01fe'; // 8 + 2 bits: too far on the horizontal half alone
    const bands = A + 'ff00ff00ff00ff00'; // the same horizontal half, every vertical step the other way
    expect(groupPhotos([shot('h', 0, H, 0.5), shot('reframed', 10 * MIN, reframed, 0.2)])).toHaveLength(1);
    expect(groupPhotos([shot('h', 0, H, 0.5), shot('bands', 10 * MIN, bands, 0.2)])).toEqual([]);
  });

  it('does not join the same view photographed hours later', () => {
    expect(groupPhotos([shot('a', 0, A, 0.2), shot('a-later', 3 * 60 * MIN, A, 0.1)])).toEqual([]);
  });
});

describe('groupPhotos: stable while a scan delivers photos in any order', () => {
  it('gives the same groups, ids and bests whatever order the photos arrive in', () => {
    const shots = [shot('a1', 0, A, 0.9), shot('a2', 1500, A_NEAR, 0.1), shot('a3', 3000, A, 0.6), shot('a4', 3500, A, 0.5), shot('b', 9000, B, 0.3)];
    const expected = groupPhotos(shots);
    for (const order of [[4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [1, 3, 0, 2, 4]]) expect(groupPhotos(order.map((i) => shots[i]))).toEqual(expected);
  });

  it('keeps the id of a group as later shots join it', () => {
    const first = groupPhotos([shot('a1', 0, A, 0.9), shot('a2', 1000, A, 0.5)]);
    const grown = groupPhotos([shot('a1', 0, A, 0.9), shot('a2', 1000, A, 0.5), shot('a3', 2000, A, 0.1)]);
    expect(grown[0].id).toBe(first[0].id);
    expect(grown[0].keys).toHaveLength(3);
  });

  it('prefers the shot with eyes open, then the one whose face is in focus, over a sharper frame', () => {
    const blink = { ...shot('blink', 0, A, 0.05), eyesClosed: true };
    const open = shot('open', 500, A, 0.3);
    expect(groupPhotos([blink, open])[0].best).toBe('open');
    const missed = { ...shot('missed', 0, A, 0.05), faceSoft: true };
    expect(groupPhotos([missed, open])[0].best).toBe('open');
    expect(groupPhotos([{ ...blink }, { ...missed, key: 'm' }])[0].best).toBe('m');
  });
});
