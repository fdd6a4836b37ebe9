import { describe, expect, it } from 'vitest';
import type { LumaImage, RegionMap } from '../types.ts';
import { deadLeaves } from '../../test-support/images.ts';
import { readSubject } from './read-subject.ts';
import { MIN_JUDGED_FACE } from './subject-focus.ts';
import type { DetectedFace } from './types.ts';

const W = 800, H = 600;
/** Crisp dead-leaves texture everywhere: detail for the sharpness measure wherever a face lands. */
const luma: LumaImage = deadLeaves(W, H, 3, 1, 20);
const detected = (x: number, y: number, side: number): DetectedFace => ({ box: { x, y, width: side, height: side }, score: 0.9, landmarks: null });

/** 4 x 3 cells; `sharpCells` lists the sharp ones (1), all others blurry (0.1). */
function regions(sharpCells: number[]): RegionMap {
  return { cols: 4, rows: 3, sharpness: Array.from({ length: 12 }, (_, i) => (sharpCells.includes(i) ? 0.9 : 0.1)) };
}

describe('readSubject', () => {
  it('sorts faces largest first and reads only those big enough to judge', () => {
    const s = readSubject(luma, regions([]), [detected(10, 10, MIN_JUDGED_FACE - 10), detected(300, 150, 200)]);
    expect(s.faces.map((f) => f.box.width)).toEqual([200, MIN_JUDGED_FACE - 10]);
    expect(s.faces[0]!.sharpness).not.toBeNull();
    expect(s.faces[1]!.sharpness).toBeNull();
    expect(s.deciding).toBe(0);
    expect(s.decidingReason).toBe('only');
  });

  it('calls the background sharp from the cells away from the face and the body below it', () => {
    const face = detected(330, 60, 140);
    // Cells in the top corners are background; the column under the face is the person.
    expect(readSubject(luma, regions([0, 3, 4, 7]), [face]).backgroundSharp).toBe(true);
    expect(readSubject(luma, regions([1, 2, 5, 6, 9, 10]), [face]).backgroundSharp).toBe(false);
  });

  it('has no deciding face and no background verdict without a face to judge', () => {
    const s = readSubject(luma, regions([0]), []);
    expect(s).toEqual({ faces: [], deciding: null, decidingReason: null, backgroundSharp: null });
  });
});
