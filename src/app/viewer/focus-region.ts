// Where the viewer looks first at 100%: the part of the photo that decided its verdict. For a
// sharp photo that is its sharpest part (the subject that kept it); for a blurry or uncertain
// one, its blurriest part where there is detail to judge (the blur itself). Plain cells (sky, a
// wall: too little detail to judge) are never chosen while a judged cell exists.
import type { RegionMap, Verdict } from '../../core/types.ts';
import { cellKind } from '../review/reason.ts';

export interface FocusPoint {
  /** The chosen cell's centre as a share of the photo's width and height. */
  u: number;
  v: number;
  /** Index of the chosen cell in the region map (row-major); null when no cell could be judged. */
  cell: number | null;
}

/**
 * Scores each cell by the mean sharpness of the judged cells around it (3 x 3), so one odd
 * cell does not win over a region; among the cells of the wanted kind the best score wins,
 * ties going to the cell nearer the middle (where subjects usually are).
 */
export function decisiveRegion(regions: RegionMap, verdict: Verdict): FocusPoint {
  const { cols, rows, sharpness } = regions;
  const kinds = sharpness.map(cellKind);
  const wanted = verdict === 'sharp' ? 'sharp' : 'blurry';
  let candidates = kinds.flatMap((k, i) => (k === wanted ? [i] : []));
  if (candidates.length === 0) candidates = kinds.flatMap((k, i) => (k !== 'plain' ? [i] : []));
  if (candidates.length === 0) return { u: 0.5, v: 0.5, cell: null };

  const score = (i: number) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    let sum = 0;
    let n = 0;
    for (let r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r++) {
      for (let c = Math.max(0, col - 1); c <= Math.min(cols - 1, col + 1); c++) {
        if (kinds[r * cols + c] === 'plain') continue;
        sum += sharpness[r * cols + c];
        n++;
      }
    }
    return sum / n; // n >= 1: the candidate itself is judged
  };
  const offCentre = (i: number) => Math.hypot((i % cols) + 0.5 - cols / 2, Math.floor(i / cols) + 0.5 - rows / 2);
  const sign = verdict === 'sharp' ? 1 : -1;
  let best = candidates[0];
  for (const i of candidates.slice(1)) {
    const diff = sign * (score(i) - score(best));
    if (diff > 1e-9 || (Math.abs(diff) <= 1e-9 && offCentre(i) < offCentre(best))) best = i;
  }
  return { u: ((best % cols) + 0.5) / cols, v: (Math.floor(best / cols) + 0.5) / rows, cell: best };
}
