// From per-patch CNN probabilities to photo-level evidence: the cnn* features the fused head
// reads and the CNN's region map. Plain TypeScript over the CNN's output.
import { BLUR_TYPES, PATCH_CLASSES, type BlurType, type FeatureVector, type RegionMap } from '../types.ts';
import { FLAT_TEXTURE, type PatchPosition } from './patches.ts';

/** Names aggregatePatches produces, in a fixed order (the fused head's contract: append only). */
export const CNN_FEATURE_NAMES = [
  'cnnTexturedFraction',
  'cnnSharpMean',
  'cnnSharpLogitMean',
  'cnnSharpMax',
  'cnnSharpTop3',
  'cnnSharpFraction',
  'cnnSharpCentre',
  'cnnDefocusShare',
  'cnnMotionShare',
  'cnnGaussianShare',
  'cnnSharpCentreLow',
  'cnnCentreMinusBorder',
  'cnnBlurCentrality',
] as const;

/** Share of the frame (per axis, centred) treated as the usual subject area. */
const CENTRE_SPAN = 0.5;
/** The subject is assumed to fill at least this share of that centre area (a face in a portrait):
 * the centre score is the mean of its best cells, so blurred background around it does not count. */
const CENTRE_SUBJECT_SHARE = 0.25;
/** Logits are clipped here so one saturated patch cannot dominate a mean. */
const LOGIT_CLIP = 6;

const logit = (p: number) => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.max(-LOGIT_CLIP, Math.min(LOGIT_CLIP, Math.log(q / (1 - q))));
};

export interface AggregatedPatches {
  features: FeatureVector;
  /** CNN sharpness per grid cell (1 = sharp); flat cells borrow the classical map's value. */
  regions: RegionMap;
}

/** Samples a region map at a point given in [0,1) x [0,1) frame coordinates. */
function sampleRegions(regions: RegionMap, u: number, v: number): number {
  const c = Math.min(regions.cols - 1, Math.max(0, Math.floor(u * regions.cols)));
  const r = Math.min(regions.rows - 1, Math.max(0, Math.floor(v * regions.rows)));
  return regions.sharpness[r * regions.cols + c] ?? 0.5;
}

/**
 * Photo-level evidence from patch probabilities (n x PATCH_CLASSES, as predictPatches returns).
 * Built so a photo whose subject is sharp stays sharp: besides means, it keeps the best patches
 * (max, top-3) and the share of sharp patches, all over textured patches only (flat sky says
 * nothing about focus), plus the sharpness of the best cells in the centre. A sharp region alone
 * would also keep a photo whose subject moved in front of a sharp background, so the layout of the
 * blur is reported too (blur around a sharp middle is a soft background; blur in the middle of
 * sharp surroundings is a blurred subject). Type shares are computed over blur evidence (each
 * patch weighted by how blurry it looks), so sharp patches do not dilute them.
 * `regions` (the classical tile map) only fills the region map where patches are flat.
 */
export function aggregatePatches(probs: Float32Array, positions: readonly PatchPosition[], regions?: RegionMap): AggregatedPatches {
  const k = PATCH_CLASSES.length;
  const n = positions.length;
  if (probs.length !== n * k) throw new RangeError(`aggregatePatches: ${probs.length} probabilities for ${n} patches`);
  const cols = positions.reduce((m, p) => Math.max(m, p.col + 1), 0);
  const rows = positions.reduce((m, p) => Math.max(m, p.row + 1), 0);

  const textured = positions.map((_, i) => i).filter((i) => positions[i]!.texture >= FLAT_TEXTURE);
  // With no textured patch at all there is no focus evidence; use every patch rather than none.
  const used = textured.length > 0 ? textured : positions.map((_, i) => i);
  const sharp = used.map((i) => probs[i * k]!);
  const sorted = [...sharp].sort((a, b) => b - a);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0.5);
  const topMean = (xs: number[], share: number) =>
    mean([...xs].sort((a, b) => b - a).slice(0, Math.max(1, Math.round(xs.length * share))));

  const centre = used.filter((i) => {
    const p = positions[i]!;
    return Math.abs((p.col + 0.5) / cols - 0.5) <= CENTRE_SPAN / 2 && Math.abs((p.row + 0.5) / rows - 0.5) <= CENTRE_SPAN / 2;
  });

  const inCentre = new Set(centre);
  const border = used.filter((i) => !inCentre.has(i));
  const centreSharp = centre.map((i) => probs[i * k]!).sort((a, b) => a - b);
  const centreMean = centre.length ? mean(centreSharp) : mean(sharp);

  const typeMass: Record<BlurType, number> = { defocus: 0, motion: 0, gaussian: 0 };
  let blurMass = 0;
  for (const i of used) {
    BLUR_TYPES.forEach((t, j) => (typeMass[t] += probs[i * k + 1 + j]!));
    blurMass += 1 - probs[i * k]!;
  }
  const share = (t: BlurType) => (blurMass > 1e-6 ? typeMass[t] / blurMass : 1 / BLUR_TYPES.length);

  const features: FeatureVector = {
    cnnTexturedFraction: n ? textured.length / n : 0,
    cnnSharpMean: mean(sharp),
    cnnSharpLogitMean: mean(sharp.map(logit)),
    cnnSharpMax: sorted[0] ?? 0.5,
    cnnSharpTop3: mean(sorted.slice(0, 3)),
    cnnSharpFraction: sharp.length ? sharp.filter((p) => p > 0.5).length / sharp.length : 0,
    cnnSharpCentre: centre.length ? topMean(centre.map((i) => probs[i * k]!), CENTRE_SUBJECT_SHARE) : mean(sharp),
    cnnDefocusShare: share('defocus'),
    cnnMotionShare: share('motion'),
    cnnGaussianShare: share('gaussian'),
    // Where the blur is, for telling a blurred subject from a blurred background: how blurry the
    // worse half of the centre is, centre against border, and whether blur sits nearer the centre
    // than sharpness does.
    cnnSharpCentreLow: centreSharp.length ? mean(centreSharp.slice(0, Math.max(1, Math.round(centreSharp.length / 2)))) : mean(sharp),
    cnnCentreMinusBorder: border.length ? centreMean - mean(border.map((i) => probs[i * k]!)) : 0,
    cnnBlurCentrality: blurCentrality(used.map((i, j) => ({ col: positions[i]!.col, row: positions[i]!.row, sharp: sharp[j]! })), cols, rows),
  };

  const sharpness = new Array<number>(cols * rows).fill(0.5);
  positions.forEach((p, i) => {
    const cell = p.row * cols + p.col;
    if (p.texture >= FLAT_TEXTURE || !regions) sharpness[cell] = probs[i * k]!;
    else sharpness[cell] = sampleRegions(regions, (p.col + 0.5) / cols, (p.row + 0.5) / rows);
  });
  return { features, regions: { cols, rows, sharpness } };
}

/** One judged place in the frame: grid cell and P(sharp) there. */
export interface SharpnessCell {
  col: number;
  row: number;
  sharp: number;
}

/**
 * Mean distance from the frame centre of sharp evidence minus that of blur evidence (each cell
 * weighted by P(sharp) and 1 - P(sharp)), in frame units. Positive: the blur lies nearer the centre
 * than the sharp detail, as when the subject moved in front of a still background. Negative: a
 * sharp middle surrounded by blur, as in a portrait with a soft background. 0 when blur is even.
 */
export function blurCentrality(cells: readonly SharpnessCell[], cols: number, rows: number): number {
  let sharpMass = 0;
  let blurMass = 0;
  let sharpDistance = 0;
  let blurDistance = 0;
  for (const { col, row, sharp } of cells) {
    const d = Math.hypot((col + 0.5) / cols - 0.5, (row + 0.5) / rows - 0.5);
    sharpMass += sharp;
    blurMass += 1 - sharp;
    sharpDistance += sharp * d;
    blurDistance += (1 - sharp) * d;
  }
  if (sharpMass < 1e-6 || blurMass < 1e-6) return 0;
  return sharpDistance / sharpMass - blurDistance / blurMass;
}
