// One line that says why a photo got its verdict, in words a person uses. It reads the
// region map: a photo whose few sharp cells sit in the middle of soft ones is a portrait or
// macro with a soft background (kept on purpose), not a failed shot.
import type { Analysis, BlurCause, RegionMap, Verdict } from '../../core/types.ts';
import { causeFor } from '../../core/fusion/verdict.ts';
import { blurCentrality } from '../../core/cnn/aggregation.ts';
import { eyesClosed } from '../../core/face/subject-focus.ts';
import { subjectReason } from './subject-reason.ts';

/**
 * Cells at or above SHARP_CELL count as sharp, below BLURRY_CELL as blurry; between is "can't
 * tell" (flat sky, a wall: the core reports 0.5 for tiles without detail to judge). 0.6 is the
 * core's own sharp-tile cut (src/core/features/features.ts SHARP_TILE), so the words match its features.
 */
const SHARP_CELL = 0.6;
const BLURRY_CELL = 0.4;

export interface RegionShares {
  sharp: number;
  blurry: number;
  /** Cells with a judgement either way, as a share of all cells. */
  measurable: number;
}

export type CellKind = 'sharp' | 'blurry' | 'plain';

/** What one region-map cell shows: sharp, blurry, or too plain to judge (the words and the map agree). */
export function cellKind(sharpness: number): CellKind {
  return sharpness >= SHARP_CELL ? 'sharp' : sharpness < BLURRY_CELL ? 'blurry' : 'plain';
}

export function regionShares(regions: RegionMap): RegionShares {
  const cells = regions.sharpness;
  if (cells.length === 0) return { sharp: 0, blurry: 0, measurable: 0 };
  const sharp = cells.filter((s) => cellKind(s) === 'sharp').length;
  const blurry = cells.filter((s) => cellKind(s) === 'blurry').length;
  return { sharp: sharp / cells.length, blurry: blurry / cells.length, measurable: (sharp + blurry) / cells.length };
}

/** Below this blurCentrality the sharp cells sit in the middle of the soft ones (a subject in
 * front of a soft background); 0 would be blur spread evenly. */
const SOFT_SURROUND = -0.03;

/** Whether the soft cells surround the sharp ones, judged on the cells that can be judged. */
export function softSurround(regions: RegionMap): boolean {
  const cells = regions.sharpness.flatMap((sharp, i) =>
    cellKind(sharp) !== 'plain' ? [{ col: i % regions.cols, row: Math.floor(i / regions.cols), sharp }] : [],
  );
  return blurCentrality(cells, regions.cols, regions.rows) < SOFT_SURROUND;
}

/** Share of the cells that can be judged which are sharp (0 when none can). */
export function sharpShare(regions: RegionMap): number {
  const s = regionShares(regions);
  return s.measurable === 0 ? 0 : s.sharp / s.measurable;
}

function coverage(blurryShare: number): string {
  if (blurryShare >= 0.95) return ' across the whole frame';
  if (blurryShare >= 0.7) return ' over most of the frame';
  if (blurryShare >= 0.4) return ' over much of the frame';
  return ', though parts look sharp';
}

const CAUSE_WORDS: Record<BlurCause, string> = {
  motion: 'Motion blur',
  'out-of-focus': 'Out of focus',
};

/** What to do about it next time, by cause. */
export const CAUSE_LABELS: Record<BlurCause, string> = {
  motion: 'motion blur',
  'out-of-focus': 'out of focus',
};

/** Why the photo got its verdict: the faces' reason when they decided, else the frame's; and a
 * note when the person's eyes are closed (a flag of its own, not part of the verdict). */
export function explain(analysis: Analysis, verdict: Verdict): string {
  const reason = subjectReason(analysis) ?? frameReason(analysis, verdict);
  return eyesClosed(analysis.subject) ? `${reason} · eyes closed` : reason;
}

function frameReason(analysis: Analysis, verdict: Verdict): string {
  const shares = regionShares(analysis.regions);
  const share = sharpShare(analysis.regions);
  const cause = causeFor(analysis, verdict);
  if (verdict === 'blurry') {
    const what = cause ? CAUSE_WORDS[cause] : 'Blurry';
    if (shares.sharp === 0) return `${what} — nothing in the frame is sharp`;
    return `${what}${coverage(1 - share)}`;
  }
  if (verdict === 'uncertain') {
    const hint = cause ? `, ${CAUSE_LABELS[cause]}?` : '';
    if (share > 0 && share < 0.45) return `Borderline: only a small part is sharp${hint} — worth a look`;
    return `Borderline: slightly soft${hint} — worth a look`;
  }
  if (shares.measurable === 0) return 'Sharp overall, little detail to judge — kept';
  if (share >= 0.75) return 'Sharp across the frame — kept';
  // Smooth skin, walls and sky read as "not sharp" too, so a middling share is not called bokeh.
  if (share >= 0.45) return 'Sharp, with some smooth or soft areas — kept';
  // Only soft surroundings of a sharp middle read as a chosen background blur; sharp detail along
  // an edge of the frame with the middle soft is not called a portrait.
  if (softSurround(analysis.regions)) return 'Soft background, sharp subject — kept';
  return 'Sharp in parts, the rest soft or smooth — kept';
}
