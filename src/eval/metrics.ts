// The numbers every report uses (eval command, training report, README), defined once.
import { causeOf, likeliestCause, likeliestType, PATCH_CLASSES, type BlurType, type PatchClass } from '../core/types.ts';
import { DEFAULT_THRESHOLD } from '../core/fusion/verdict.ts';
import { seededRandom } from '../core/seeded-random.ts';

export interface LabelledPrediction {
  label: PatchClass;
  probability: number;
  typeProbabilities: Record<BlurType, number> | null;
  /** The face pass's own call where a face decided (subjectCall in core/face/subject-focus.ts): it
   * stands at any threshold, as in the app. Absent or null: P(blurry) decides. */
  faceCall?: 'sharp' | 'blurry' | null;
}

/** Whether the app calls the photo blurry at `threshold`: the face's call where one decided. */
export function calledBlurry(p: Pick<LabelledPrediction, 'probability' | 'faceCall'>, threshold = DEFAULT_THRESHOLD): boolean {
  return p.faceCall ? p.faceCall === 'blurry' : p.probability >= threshold;
}

/** The score the app ranks photos by, for threshold-free measures (rankAuc): P(blurry), or
 * certainty where a face decided, since that call stands at any threshold (as in calledBlurry). */
export function appScore(p: Pick<LabelledPrediction, 'probability' | 'faceCall'>): number {
  return p.faceCall ? (p.faceCall === 'blurry' ? 1 : 0) : p.probability;
}

export interface DetectionMetrics {
  n: number;
  balanced_accuracy: number;
  /** 95% bootstrap interval of balanced_accuracy (see balancedAccuracyInterval). */
  balanced_accuracy_ci95: [number, number];
  blur_recall: number;
  sharp_kept: number;
  /** The user-facing cause (motion vs out of focus) named right, over the blurred photos the
   * detector flags (defocus and gaussian both count as out of focus); the 3-way detail is in
   * `confusion`. */
  type_accuracy: number | null;
  per_class: Record<string, { n: number; recall: number }>;
  /** confusion[true][predicted]; predicted 'sharp' below the threshold, else the likeliest type. */
  confusion: Record<PatchClass, Record<PatchClass, number>>;
  expected_calibration_error: number;
  threshold: number;
}

export function predictedClass(p: LabelledPrediction, threshold = DEFAULT_THRESHOLD): PatchClass {
  if (!calledBlurry(p, threshold)) return 'sharp';
  return p.typeProbabilities ? likeliestType(p.typeProbabilities) : 'defocus';
}

/** Expected calibration error of P(blurry) over equal-width bins. */
export function expectedCalibrationError(preds: LabelledPrediction[], bins = 10): number {
  if (preds.length === 0) return 0;
  let total = 0;
  for (let b = 0; b < bins; b++) {
    const inBin = preds.filter((p) => Math.min(bins - 1, Math.floor(p.probability * bins)) === b);
    if (inBin.length === 0) continue;
    const confidence = inBin.reduce((s, p) => s + p.probability, 0) / inBin.length;
    const accuracy = inBin.filter((p) => p.label !== 'sharp').length / inBin.length;
    total += (inBin.length / preds.length) * Math.abs(confidence - accuracy);
  }
  return total;
}

/**
 * 95% interval of balanced accuracy by a seeded, stratified bootstrap: sharp and blurred photos are
 * each resampled with replacement, so every draw keeps the set's class mix. It treats photos as
 * independent; several variants of one source photo are not, so the true uncertainty is wider.
 * It says how far apart two detectors must score on a set of this size before the gap means
 * anything (600 photos at ~92%: about 2.5 points either way; 232 photos: about four).
 */
export function balancedAccuracyInterval(preds: LabelledPrediction[], threshold = DEFAULT_THRESHOLD, draws = 2000, seed = 1): [number, number] {
  const hits = (blurred: boolean) =>
    preds.filter((p) => (p.label !== 'sharp') === blurred).map((p) => calledBlurry(p, threshold) === blurred);
  const groups = [hits(true), hits(false)].filter((g) => g.length > 0);
  if (groups.length === 0) return [NaN, NaN];
  const random = seededRandom(seed);
  const scores = new Float64Array(draws);
  for (let d = 0; d < draws; d++) {
    let sum = 0;
    for (const g of groups) {
      let right = 0;
      for (let i = 0; i < g.length; i++) if (g[Math.floor(random() * g.length)]) right++;
      sum += right / g.length;
    }
    scores[d] = sum / groups.length;
  }
  scores.sort();
  return [scores[Math.floor(0.025 * (draws - 1))]!, scores[Math.ceil(0.975 * (draws - 1))]!];
}

export function detectionMetrics(preds: LabelledPrediction[], threshold = DEFAULT_THRESHOLD): DetectionMetrics {
  const confusion = Object.fromEntries(
    PATCH_CLASSES.map((t) => [t, Object.fromEntries(PATCH_CLASSES.map((p) => [p, 0]))]),
  ) as Record<PatchClass, Record<PatchClass, number>>;
  for (const p of preds) confusion[p.label][predictedClass(p, threshold)]++;

  const blurred = preds.filter((p) => p.label !== 'sharp');
  const sharp = preds.filter((p) => p.label === 'sharp');
  const rate = (xs: LabelledPrediction[], ok: (p: LabelledPrediction) => boolean) =>
    xs.length === 0 ? NaN : xs.filter(ok).length / xs.length;
  const blurRecall = rate(blurred, (p) => calledBlurry(p, threshold));
  const sharpKept = rate(sharp, (p) => !calledBlurry(p, threshold));
  const typed = blurred.filter((p) => p.typeProbabilities && calledBlurry(p, threshold));
  const typeAccuracy =
    typed.length === 0 ? null : rate(typed, (p) => likeliestCause(p.typeProbabilities!) === causeOf(p.label as BlurType));

  const perClass: Record<string, { n: number; recall: number }> = {};
  for (const c of PATCH_CLASSES) {
    const ofClass = preds.filter((p) => p.label === c);
    if (ofClass.length === 0) continue;
    perClass[c] = {
      n: ofClass.length,
      recall: rate(ofClass, (p) => calledBlurry(p, threshold) === (c !== 'sharp')),
    };
  }
  const parts = [blurRecall, sharpKept].filter((x) => !Number.isNaN(x));
  return {
    n: preds.length,
    balanced_accuracy: parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : NaN,
    balanced_accuracy_ci95: balancedAccuracyInterval(preds, threshold),
    blur_recall: blurRecall,
    sharp_kept: sharpKept,
    type_accuracy: typeAccuracy,
    per_class: perClass,
    confusion,
    expected_calibration_error: expectedCalibrationError(preds),
    threshold,
  };
}

export interface KeptShare {
  n: number;
  kept: number;
  share: number;
  /** 95% Wilson interval of the share: with ~170 photos at 0.97, about +-2.5 points. */
  ci95: [number, number];
}

/** A share of n with its 95% Wilson interval (sound near 0 and 1, where the normal one is not). */
export function shareWithInterval(hits: number, n: number): KeptShare {
  if (n === 0) return { n, kept: hits, share: NaN, ci95: [NaN, NaN] };
  const z = 1.96;
  const share = hits / n;
  const centre = (share + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((share * (1 - share)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return { n, kept: hits, share, ci95: [Math.max(0, centre - half), Math.min(1, centre + half)] };
}

/** How many sharp photos stay below the threshold (kept), with an interval. */
export function sharpKeptShare(preds: readonly Pick<LabelledPrediction, 'probability' | 'faceCall'>[], threshold = DEFAULT_THRESHOLD): KeptShare {
  return shareWithInterval(preds.filter((p) => !calledBlurry(p, threshold)).length, preds.length);
}

export interface CaughtShare {
  n: number;
  caught: number;
  share: number;
  ci95: [number, number];
}

/** How many blurred photos are called blurry (caught), with an interval. */
export function blurCaughtShare(preds: readonly Pick<LabelledPrediction, 'probability' | 'faceCall'>[], threshold = DEFAULT_THRESHOLD): CaughtShare {
  const { kept, ...rest } = shareWithInterval(preds.filter((p) => calledBlurry(p, threshold)).length, preds.length);
  return { ...rest, caught: kept };
}

/** Area under the ROC curve: the chance that a random blurred photo scores above a random sharp
 * one (ties count half). Threshold-free, so it compares rankings across operating points. */
export function rankAuc(blurred: readonly number[], sharp: readonly number[]): number {
  if (blurred.length === 0 || sharp.length === 0) return NaN;
  const ordered = [...sharp].sort((a, b) => a - b);
  const below = (v: number, strict: boolean) => {
    let lo = 0;
    let hi = ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? ordered[mid]! < v : ordered[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let wins = 0;
  for (const b of blurred) wins += (below(b, true) + below(b, false)) / 2;
  return wins / (blurred.length * sharp.length);
}
