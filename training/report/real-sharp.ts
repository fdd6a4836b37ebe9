// "Sharp kept on real photos": the held-out real photos judged as shot, per detector and per
// collection. A headline next to the synthetic validation numbers, because the synthetic set said
// 1 in 30 sharp photos was called blurry while real collections said 1 in 4.
import { sharpKeptShare, type KeptShare } from '../../src/eval/metrics.ts';
import type { RealSharpRow } from '../stages/evaluate.ts';
import { REAL_SHARP_KEEP_TARGET } from '../config.ts';
import type { OperatingPoint } from '../stages/threshold.ts';

export type RealSharpDetector = keyof RealSharpRow['outputs'];
export const REAL_SHARP_DETECTORS: readonly RealSharpDetector[] = ['fused', 'features', 'laplacian-100'];

export interface RealSharpSummary {
  detector: RealSharpDetector;
  kept: KeptShare;
  /** The shipped detector's share per collection (camera snapshots, wallpapers, studio...). */
  byCollection: Record<string, KeptShare>;
}

export function summariseRealSharp(rows: readonly RealSharpRow[]): RealSharpSummary[] {
  if (rows.length === 0) return [];
  return REAL_SHARP_DETECTORS.map((detector) => {
    const byCollection: Record<string, KeptShare> = {};
    for (const collection of [...new Set(rows.map((r) => r.collection))].sort()) {
      byCollection[collection] = sharpKeptShare(rows.filter((r) => r.collection === collection).map((r) => r.outputs[detector]));
    }
    return { detector, kept: sharpKeptShare(rows.map((r) => r.outputs[detector])), byCollection };
  });
}

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : 'n/a');
export const keptText = (k: KeptShare) => `${pct(k.share)} (${k.kept} of ${k.n}; 95% interval ${pct(k.ci95[0])} to ${pct(k.ci95[1])})`;

/** Markdown lines for the model card. */
/** `headsSawThem`: the heads learnt from the CNN part's photos too (RunConfig.realPhotos.allInHeads). */
export function realSharpMarkdown(summaries: readonly RealSharpSummary[], points: readonly OperatingPoint[] | undefined, keepTarget: number | null = REAL_SHARP_KEEP_TARGET, headsSawThem = false): string[] {
  if (summaries.length === 0) return [];
  const fused = summaries.find((s) => s.detector === 'fused');
  return [
    '## Sharp kept on real photos',
    '',
    `${summaries[0]!.kept.n} held-out real sharp photos (../shared/data/sharp-photos-2, ~30% of each collection by a hash of the path, never trained on) judged as shot: their own JPEGs, no synthetic pipeline.`,
    '',
    '| detector | sharp kept on real photos |',
    '|---|---|',
    ...summaries.map((s) => `| ${s.detector} | ${keptText(s.kept)} |`),
    '',
    ...(fused ? [`Per collection (fused): ${Object.entries(fused.byCollection).map(([c, k]) => `${c} ${k.kept}/${k.n}`).join(', ')}.`, ''] : []),
    ...(points?.length ? [operatingPointSentence(points, keepTarget, headsSawThem), ''] : []),
  ];
}

/** Which photos set the operating point, and where it went for each head. */
function operatingPointSentence(points: readonly OperatingPoint[], keepTarget: number | null, headsSawThem: boolean): string {
  const whose = headsSawThem
    ? "the everyday training photos (sharp-photos-2; the heads learnt from every one, so each is judged out of fold, by the fuse stage's cross-validation fold that did not fit on it)"
    : 'the real training photos of the CNN part (as shot, two sizes each, never fitted on by the heads)';
  const target = keepTarget === null ? '(no target in this run: 0.5 stays)' : `${Math.round(100 * keepTarget)}%`;
  return `Operating point (training/stages/threshold.ts): each head's calibration is shifted so that the P(blurry) at which ${target} of ${whose} are kept becomes 0.5 (no move when they already are): ${points.map((p) => `${p.detector} ${p.threshold.toFixed(3)} (kept ${pct(p.keptBefore)} -> ${pct(p.keptAfter)} of ${p.images})`).join(', ')}.`;
}
