import { describe, expect, it } from 'vitest';
import { decisiveRegion } from './focus-region.ts';

// 4 x 3 maps; 0.5 is a cell too plain to judge.
const map = (sharpness: number[]) => ({ cols: 4, rows: 3, sharpness });

describe('decisiveRegion', () => {
  it('a sharp photo opens on its sharpest region, not on one odd sharp cell', () => {
    const focus = decisiveRegion(map([
      0.9, 0.1, 0.5, 0.5,
      0.1, 0.5, 0.8, 0.9,
      0.5, 0.5, 0.9, 0.9,
    ]), 'sharp');
    // (0,0) is as sharp as any cell, but its neighbours are blurry; the bottom right is a sharp
    // region, and of its equally good cells the one nearest the middle wins.
    expect(focus.cell).toBe(10);
    expect(focus).toMatchObject({ u: 2.5 / 4, v: 2.5 / 3 });
  });

  it('a blurry or uncertain photo opens on its blurriest judged region', () => {
    const sharpness = [
      0.35, 0.5, 0.35, 0.3,
      0.5, 0.5, 0.1, 0.05,
      0.9, 0.5, 0.5, 0.02,
    ];
    expect(decisiveRegion(map(sharpness), 'blurry').cell).toBe(11);
    expect(decisiveRegion(map(sharpness), 'uncertain').cell).toBe(11);
  });

  it('never picks a cell too plain to judge while a judged one exists', () => {
    // No blurry cell on this blurry photo: the judged (sharp) cell, not the plain middle.
    expect(decisiveRegion(map([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.7]), 'blurry').cell).toBe(11);
  });

  it('falls back to the middle when nothing can be judged, and breaks ties towards it', () => {
    expect(decisiveRegion(map(new Array(12).fill(0.5)), 'sharp')).toEqual({ u: 0.5, v: 0.5, cell: null });
    expect(decisiveRegion(map(new Array(12).fill(0.9)), 'sharp').cell).toBe(5);
  });
});
