import { describe, expect, it } from 'vitest';
import { stackPhotos, type StackInput } from './stacks.ts';

const photo = (key: string, time: number, probability: number | null, group?: [string, boolean]): StackInput => ({
  key, time, probability, group: group ? { id: group[0], best: group[1] } : undefined,
});

describe('stackPhotos', () => {
  it('puts a group where its first member sits, best on top, the rest in capture order', () => {
    // Blurriest first: the burst's blurry shots come first, its sharp best last.
    const visible = [
      photo('b3', 3, 0.95, ['b', false]),
      photo('x', 10, 0.9),
      photo('b1', 1, 0.8, ['b', false]),
      photo('y', 11, 0.5),
      photo('b2', 2, 0.1, ['b', true]),
    ];
    expect(stackPhotos(visible)).toEqual([
      { top: 'b2', rest: ['b1', 'b3'], groupId: 'b' },
      { top: 'x', rest: [], groupId: null },
      { top: 'y', rest: [], groupId: null },
    ]);
  });

  it('tops a group with its sharpest shown member when the filter hides the best', () => {
    const visible = [photo('b3', 3, 0.95, ['b', false]), photo('b1', 1, 0.8, ['b', false])];
    expect(stackPhotos(visible)).toEqual([{ top: 'b1', rest: ['b3'], groupId: 'b' }]);
  });

  it('keeps every photo exactly once', () => {
    const visible = [photo('a1', 0, 0.2, ['a', true]), photo('c', 5, null), photo('a2', 1, 0.3, ['a', false]), photo('d', 6, 0.4, ['d', true])];
    const stacks = stackPhotos(visible);
    expect(stacks.flatMap((s) => [s.top, ...s.rest]).sort()).toEqual(['a1', 'a2', 'c', 'd']);
  });
});
