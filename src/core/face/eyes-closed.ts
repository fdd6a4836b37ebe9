// Closed eyes from the landmarks: the eye aspect ratio (Soukupova & Cech 2016), the eye's height
// over its width from its six contour points, falls from ~0.3 when open towards ~0.1 when shut.
// A separate flag from the blur verdict: a blink is a reason to look, not a blurry photo.
import type { LumaImage } from '../types.ts';
import { LEFT_EYE, RIGHT_EYE } from './eye-region.ts';
import type { Point } from './types.ts';

/**
 * Both eyes at or under this ratio may be closed. The tiny 68-point net places the lid points of
 * a shut eye well apart (it was trained mostly on open eyes): the shut eyes in the people photos
 * read 0.21-0.23 here rather than ~0.1, where open eyes read 0.25-0.35 and a few downward glances
 * and dark glasses 0.22. So the ratio only picks candidates, and the two appearance checks below
 * decide. Set on a labelled handful of the people photos (README "Faces") for precision first:
 * a false "eyes closed" on a good photo costs more trust than a missed blink.
 */
export const EYES_CLOSED_RATIO = 0.235;
/** Eyes narrower than this (corner to corner, working px) are too small for six points to mean much. */
export const MIN_EYE_WIDTH = 12;
/**
 * A shut eye is covered by the lid, which is skin: about as bright as the cheek below it. Dark
 * glasses also flatten the eye contour (low ratio) but are far darker than the cheek; an eye
 * region darker than this share of the cheek is not called closed.
 */
const LID_TO_CHEEK_MIN = 0.7;
/** Within the eyes' own outline an open eye shows its iris and pupil, far darker than skin; a
 * shut one shows lid skin crossed by the lash line. Pixels under this share of the cheek's
 * brightness count as dark (shut eyes in the handful: 30-51% of the outline; open eyes looking
 * down, the nearest case: 69-96%) ... */
const DARK_TO_CHEEK = 0.55;
/** ... and an eye outline with more than this share of them is open, whatever its shape says. */
const MAX_DARK_SHARE = 0.6;

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Height over width of one eye from its six iBUG points (corner, two upper, corner, two lower). */
export function eyeAspectRatio(eye: readonly Point[]): number {
  const [p0, p1, p2, p3, p4, p5] = eye as [Point, Point, Point, Point, Point, Point];
  const width = distance(p0, p3);
  return width > 0 ? (distance(p1, p5) + distance(p2, p4)) / (2 * width) : 0;
}

/** Mean luma over a box, and the share of its pixels darker than `dark`. */
function boxStats(luma: LumaImage, x0: number, y0: number, x1: number, y1: number, dark = 0): { mean: number; darkShare: number } | null {
  const left = Math.max(0, Math.floor(x0)), right = Math.min(luma.width, Math.ceil(x1));
  const top = Math.max(0, Math.floor(y0)), bottom = Math.min(luma.height, Math.ceil(y1));
  let sum = 0, n = 0, darkCount = 0;
  for (let y = top; y < bottom; y++) for (let x = left; x < right; x++) {
    const v = luma.data[y * luma.width + x]!;
    sum += v;
    if (v < dark) darkCount++;
    n++;
  }
  return n > 0 ? { mean: sum / n, darkShare: darkCount / n } : null;
}

/** The box between an eye's corners and its lid points, shrunk a little so lashes outside it stay out. */
function eyeBox(eye: readonly Point[]): [number, number, number, number] {
  const xs = eye.map((p) => p.x), ys = eye.map((p) => p.y);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const inset = 0.15 * (x1 - x0);
  return [x0 + inset, y0, x1 - inset, Math.max(y1, y0 + 1)];
}

export interface EyeReading {
  /** Mean eye aspect ratio of the two eyes; null when the eyes are too small to read. */
  ratio: number | null;
  closed: boolean;
}

/** Reads the eyes of one face from its 68 landmarks (working-image pixels). */
export function readEyes(luma: LumaImage, landmarks: readonly Point[]): EyeReading {
  const left = LEFT_EYE.map((i) => landmarks[i]!);
  const right = RIGHT_EYE.map((i) => landmarks[i]!);
  const widths = [distance(left[0]!, left[3]!), distance(right[0]!, right[3]!)];
  if (Math.min(...widths) < MIN_EYE_WIDTH) return { ratio: null, closed: false };
  const ratios = [eyeAspectRatio(left), eyeAspectRatio(right)];
  const ratio = (ratios[0]! + ratios[1]!) / 2;
  if (Math.max(...ratios) > EYES_CLOSED_RATIO) return { ratio, closed: false };
  // Lids against the cheek: the eyes' box, and a box of the same width one eye-width below.
  const eyePoints = [...left, ...right];
  const x0 = Math.min(...eyePoints.map((p) => p.x)), x1 = Math.max(...eyePoints.map((p) => p.x));
  const y0 = Math.min(...eyePoints.map((p) => p.y)), y1 = Math.max(...eyePoints.map((p) => p.y));
  const eyeWidth = (widths[0]! + widths[1]!) / 2;
  const cheek = boxStats(luma, x0, y1 + 0.6 * eyeWidth, x1, y1 + 1.2 * eyeWidth);
  const lids = boxStats(luma, x0, y0 - 0.1 * eyeWidth, x1, y1 + 0.1 * eyeWidth);
  if (!cheek || !lids || lids.mean < LID_TO_CHEEK_MIN * cheek.mean) return { ratio, closed: false };
  const irises = [left, right].map((eye) => boxStats(luma, ...eyeBox(eye), DARK_TO_CHEEK * cheek.mean));
  const open = irises.some((s) => s !== null && s.darkShare > MAX_DARK_SHARE);
  return { ratio, closed: !open };
}
