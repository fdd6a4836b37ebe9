// The numbers every report uses (eval command, training report, README), defined once.
import { BLUR_TYPES, PATCH_CLASSES, type BlurType, type PatchClass } from './types.ts';
import { DEFAULT_THRESHOLD } from './verdict.ts';

export interface LabelledPrediction {
  label: PatchClass;
  probability: number;
  typeProbabilities: Record<BlurType, number> | null;
}

export interface DetectionMetrics {
  n: number;
  balanced_accuracy: number;
  blur_recall: number;
  sharp_kept: number;
  type_accuracy: number | null;
  per_class: Record<string, { n: number; recall: number }>;
  /** confusion[true][predicted]; predicted 'sharp' below the threshold, else the likeliest type. */
  confusion: Record<PatchClass, Record<PatchClass, number>>;
  expected_calibration_error: number;
  threshold: number;
}

export function predictedClass(p: LabelledPrediction, threshold = DEFAULT_THRESHOLD): PatchClass {
  if (p.probability < threshold) return 'sharp';
  const t = p.typeProbabilities;
  if (!t) return 'defocus';
  return BLUR_TYPES.reduce((a, b) => (t[b] > t[a] ? b : a));
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

export function detectionMetrics(preds: LabelledPrediction[], threshold = DEFAULT_THRESHOLD): DetectionMetrics {
  const confusion = Object.fromEntries(
    PATCH_CLASSES.map((t) => [t, Object.fromEntries(PATCH_CLASSES.map((p) => [p, 0]))]),
  ) as Record<PatchClass, Record<PatchClass, number>>;
  for (const p of preds) confusion[p.label][predictedClass(p, threshold)]++;

  const blurred = preds.filter((p) => p.label !== 'sharp');
  const sharp = preds.filter((p) => p.label === 'sharp');
  const rate = (xs: LabelledPrediction[], ok: (p: LabelledPrediction) => boolean) =>
    xs.length === 0 ? NaN : xs.filter(ok).length / xs.length;
  const blurRecall = rate(blurred, (p) => p.probability >= threshold);
  const sharpKept = rate(sharp, (p) => p.probability < threshold);
  const typed = blurred.filter((p) => p.typeProbabilities);
  const typeAccuracy =
    typed.length === 0 ? null : rate(typed, (p) => predictedClass({ ...p, probability: 1 }, threshold) === p.label);

  const perClass: Record<string, { n: number; recall: number }> = {};
  for (const c of PATCH_CLASSES) {
    const ofClass = preds.filter((p) => p.label === c);
    if (ofClass.length === 0) continue;
    perClass[c] = {
      n: ofClass.length,
      recall: rate(ofClass, (p) => (c === 'sharp' ? p.probability < threshold : p.probability >= threshold)),
    };
  }
  const parts = [blurRecall, sharpKept].filter((x) => !Number.isNaN(x));
  return {
    n: preds.length,
    balanced_accuracy: parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : NaN,
    blur_recall: blurRecall,
    sharp_kept: sharpKept,
    type_accuracy: typeAccuracy,
    per_class: perClass,
    confusion,
    expected_calibration_error: expectedCalibrationError(preds),
    threshold,
  };
}
