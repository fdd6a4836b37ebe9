// Numbers of one training run, from the evaluate rows plus what the earlier stages recorded.
// Detection metrics come from src/eval/metrics.ts, the definitions `npm run eval` and the README use.
import { detectionMetrics, type DetectionMetrics, type LabelledPrediction } from '../../src/eval/metrics.ts';
import { PATCH_CLASSES, type PatchClass } from '../../src/core/types.ts';
import { verdictFor } from '../../src/core/fusion/verdict.ts';
import { GALLERY_MIX } from '../data/samples.ts';
import { EVAL_DETECTORS, type EvalDetector, type EvalRow } from '../stages/evaluate.ts';

/** A class is 'rare' when a gallery holds less than this share of it (gaussian softness). */
export const RARE_SHARE = 0.03;
export const RARE_CLASSES = PATCH_CLASSES.filter((c) => GALLERY_MIX[c] < RARE_SHARE);
export const FREQUENT_CLASSES = PATCH_CLASSES.filter((c) => GALLERY_MIX[c] >= RARE_SHARE);

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanProbability: number;
  observedBlurry: number;
}

export interface DetectorSummary {
  detector: EvalDetector;
  metrics: DetectionMetrics;
  /** ECE after weighting validation images so the classes have the gallery mix the heads were
   * calibrated for (the validation set itself is class-balanced). */
  eceGalleryMix: number;
  reliability: ReliabilityBin[];
  /** Share of validation images whose verdict is 'uncertain'. */
  uncertainShare: number;
  /** Exact-class recall (confusion diagonal) per class. */
  classRecall: Record<PatchClass, number>;
  frequentRecall: number;
  rareRecall: number;
  perCategory: Record<string, { n: number; balanced_accuracy: number; blur_recall: number; sharp_kept: number }>;
}

const predictionsOf = (rows: readonly EvalRow[], detector: EvalDetector): LabelledPrediction[] =>
  rows.map((r) => {
    const output = r.outputs[detector];
    if (!output) throw new Error(`no '${detector}' output for ${r.file}`);
    return { label: r.label, probability: output.probability, typeProbabilities: output.typeProbabilities };
  });

/** Reliability bins and ECE with per-example weights. */
export function weightedReliability(preds: readonly LabelledPrediction[], weights: readonly number[], bins = 10): { bins: ReliabilityBin[]; ece: number } {
  const acc = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, w: 0, p: 0, y: 0, count: 0 }));
  preds.forEach((pr, i) => {
    const b = acc[Math.min(bins - 1, Math.floor(pr.probability * bins))]!;
    const w = weights[i]!;
    b.w += w;
    b.p += w * pr.probability;
    b.y += w * (pr.label !== 'sharp' ? 1 : 0);
    b.count++;
  });
  const total = acc.reduce((s, b) => s + b.w, 0);
  const ece = acc.reduce((s, b) => s + (b.w > 0 ? (b.w / total) * Math.abs(b.p / b.w - b.y / b.w) : 0), 0);
  return {
    ece,
    bins: acc.map((b) => ({ from: b.from, to: b.to, count: b.count, meanProbability: b.w ? b.p / b.w : Number.NaN, observedBlurry: b.w ? b.y / b.w : Number.NaN })),
  };
}

/** Weights that make the classes of `labels` occur in the gallery mix. */
export function galleryWeights(labels: readonly PatchClass[]): number[] {
  const counts = Object.fromEntries(PATCH_CLASSES.map((c) => [c, labels.filter((l) => l === c).length])) as Record<PatchClass, number>;
  return labels.map((l) => GALLERY_MIX[l] / Math.max(1, counts[l]));
}

const mean = (xs: number[]) => {
  const finite = xs.filter(Number.isFinite);
  return finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : Number.NaN;
};

export function summariseDetector(rows: readonly EvalRow[], detector: EvalDetector): DetectorSummary {
  const preds = predictionsOf(rows, detector);
  const metrics = detectionMetrics(preds);
  const plain = weightedReliability(preds, preds.map(() => 1));
  const gallery = weightedReliability(preds, galleryWeights(preds.map((p) => p.label)));
  const classRecall = Object.fromEntries(
    PATCH_CLASSES.map((c) => {
      const row = metrics.confusion[c];
      const total = PATCH_CLASSES.reduce((s, p) => s + row[p], 0);
      return [c, total ? row[c] / total : Number.NaN];
    }),
  ) as Record<PatchClass, number>;
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  const perCategory = Object.fromEntries(
    categories.map((cat) => {
      const m = detectionMetrics(preds.filter((_, i) => rows[i]!.category === cat));
      return [cat, { n: m.n, balanced_accuracy: m.balanced_accuracy, blur_recall: m.blur_recall, sharp_kept: m.sharp_kept }];
    }),
  );
  return {
    detector,
    metrics,
    eceGalleryMix: gallery.ece,
    reliability: plain.bins,
    uncertainShare: preds.filter((p) => verdictFor(p.probability) === 'uncertain').length / Math.max(1, preds.length),
    classRecall,
    frequentRecall: mean(FREQUENT_CLASSES.map((c) => classRecall[c])),
    rareRecall: mean(RARE_CLASSES.map((c) => classRecall[c])),
    perCategory,
  };
}

export function summariseDetectors(rows: readonly EvalRow[]): DetectorSummary[] {
  return EVAL_DETECTORS.filter((d) => rows.every((r) => r.outputs[d])).map((d) => summariseDetector(rows, d));
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
