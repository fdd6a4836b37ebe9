// The per-run training report: report.json (everything, machine-readable) and report.html
// (self-contained, inline SVG, readable without a server or scripts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { likeliestType, PATCH_CLASSES, type PatchClass } from '../../src/core/types.ts';
import { DEFAULT_THRESHOLD, DEFAULT_UNCERTAIN_BAND } from '../../src/core/fusion/verdict.ts';
import type { RunConfig } from '../config.ts';
import { GALLERY_MIX } from '../data/samples.ts';
import type { CnnStageResult } from '../stages/cnn.ts';
import type { DataManifest } from '../stages/data-images.ts';
import type { EvalRow, EvaluateStageResult } from '../stages/evaluate.ts';
import type { FuseStageResult } from '../stages/fuse.ts';
import type { OperatingPoint } from '../stages/threshold.ts';
import { keptText, summariseRealSharp, type RealSharpSummary } from './real-sharp.ts';
import { groupedBars, linePlot } from './svg.ts';
import { FREQUENT_CLASSES, median, RARE_CLASSES, summariseDetectors, type DetectorSummary } from './summary.ts';

export interface TrainingReport {
  generated: string;
  command: string;
  config: RunConfig;
  data: {
    images: { cnn: number; head: number };
    imageClasses: Record<PatchClass, number>;
    cropClasses: Record<string, number>;
    skippedCrops: { flat: number; straddling: number };
    validationImages: number;
    validationClasses: Record<PatchClass, number>;
    validationCategories: Record<string, number>;
  };
  cnn: CnnStageResult;
  fuse: FuseStageResult;
  detectors: DetectorSummary[];
  /** Held-out real sharp photos judged as shot, per detector: the headline next to `detectors`. */
  realSharp: RealSharpSummary[];
  /** Where each head's 0.5 was moved to on real sharp photos (stage 'threshold'). */
  operatingPoints: OperatingPoint[];
  timings: { featuresMsMedian: number; modelMsMedian: number };
  stageSeconds: Record<string, number>;
  /** The shipped (fused) detector per way of blurring and strength: photos called right
   * (blurred ones called blurry, sharp ones kept). Where it is weak, in one table. */
  fusedByKind: KindResult[];
}

export interface KindResult {
  /** e.g. 'shake, heavy', 'sharp, bokeh'. */
  kind: string;
  n: number;
  right: number;
  /** Blurred kinds: photos whose likeliest type is the true one, flagged or not (as type accuracy
   * counts them). Shows where the type is ambiguous: a mild disc and a mild gaussian differ by a
   * few percent of contrast at the frequencies a phone photo keeps. */
  typeRight?: number;
}

const strengthBand = (s: number | null) => (s === null ? '' : s < 1 / 3 ? ', mild' : s < 2 / 3 ? ', medium' : ', heavy');

export function fusedByKind(rows: readonly EvalRow[]): KindResult[] {
  const out = new Map<string, KindResult>();
  for (const r of rows) {
    const blurred = r.label !== 'sharp';
    const kind = blurred ? `${r.kind}${strengthBand(r.strength)}` : r.bokeh ? 'sharp, bokeh' : 'sharp';
    const fused = r.outputs.fused;
    const calledBlurry = fused.probability >= DEFAULT_THRESHOLD;
    const entry = out.get(kind) ?? { kind, n: 0, right: 0, ...(blurred ? { typeRight: 0 } : {}) };
    entry.n++;
    if (calledBlurry === blurred) entry.right++;
    if (blurred && fused.typeProbabilities && likeliestType(fused.typeProbabilities) === r.label) entry.typeRight! += 1;
    out.set(kind, entry);
  }
  return [...out.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}

const countBy = <T>(xs: readonly T[], key: (x: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
};
const classCounts = (labels: readonly PatchClass[]) => Object.fromEntries(PATCH_CLASSES.map((c) => [c, labels.filter((l) => l === c).length])) as Record<PatchClass, number>;

export function buildReport(config: RunConfig, command: string, data: DataManifest, cnn: CnnStageResult, fuse: FuseStageResult, evaluation: EvaluateStageResult, stageSeconds: Record<string, number>, operatingPoints: OperatingPoint[] = []): TrainingReport {
  const rows = evaluation.rows;
  return {
    generated: new Date().toISOString(),
    command,
    config,
    data: {
      images: { cnn: data.images.filter((i) => i.set === 'cnn').length, head: data.images.filter((i) => i.set === 'head').length },
      imageClasses: classCounts(data.images.map((i) => i.label)),
      cropClasses: cnn.classCounts,
      skippedCrops: data.images.reduce((s, i) => ({ flat: s.flat + i.skipped.flat, straddling: s.straddling + i.skipped.straddling }), { flat: 0, straddling: 0 }),
      validationImages: rows.length,
      validationClasses: classCounts(rows.map((r) => r.label)),
      validationCategories: countBy(rows, (r) => r.category),
    },
    cnn,
    fuse,
    detectors: summariseDetectors(rows),
    realSharp: summariseRealSharp(evaluation.realSharpRows ?? []),
    operatingPoints,
    timings: { featuresMsMedian: median(rows.map((r) => r.featuresMs)), modelMsMedian: median(rows.map((r) => r.modelMs)) },
    stageSeconds,
    fusedByKind: fusedByKind(rows),
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : 'n/a');
const num = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');

function table(head: string[], body: Array<Array<string | number>>): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body
    .map((r) => `<tr>${r.map((c) => `<td>${typeof c === 'number' ? c : c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function confusionTable(d: DetectorSummary): string {
  const rows = PATCH_CLASSES.map((t) => {
    const total = PATCH_CLASSES.reduce((s, p) => s + d.metrics.confusion[t][p], 0);
    return [`<b>${t}</b>`, ...PATCH_CLASSES.map((p) => {
      const v = d.metrics.confusion[t][p];
      const share = total ? v / total : 0;
      return `<span class="cell" style="background:rgba(27,108,168,${(0.06 + 0.5 * share).toFixed(2)})">${v}</span>`;
    })];
  });
  return `<div class="cm"><h4>${esc(d.detector)}</h4>${table(['true \\ predicted', ...PATCH_CLASSES], rows)}</div>`;
}

export function renderReportHtml(report: TrainingReport): string {
  const ds = report.detectors;
  const names = ds.map((d) => d.detector);
  const headline = table(
    ['detector', 'balanced acc.', 'blur recall', 'sharp kept', 'type acc.', 'ECE (val)', 'ECE (gallery mix)', 'uncertain', 'rare-class recall'],
    ds.map((d) => [esc(d.detector), pct(d.metrics.balanced_accuracy), pct(d.metrics.blur_recall), pct(d.metrics.sharp_kept), pct(d.metrics.type_accuracy ?? Number.NaN), num(d.metrics.expected_calibration_error), num(d.eceGalleryMix), pct(d.uncertainShare), pct(d.rareRecall)]),
  );
  const perClass = groupedBars('Exact-class recall per class', [...PATCH_CLASSES], ds.map((d) => ({ name: d.detector, values: PATCH_CLASSES.map((c) => d.classRecall[c]) })));
  const rareFrequent = groupedBars(`Frequent (${FREQUENT_CLASSES.join(', ')}) vs rare (${RARE_CLASSES.join(', ')}) classes`, ['frequent', 'rare'], ds.map((d) => ({ name: d.detector, values: [d.frequentRecall, d.rareRecall] })));
  const blurSharp = groupedBars('Blurred vs sharp photos', ['blur recall', 'sharp kept'], ds.map((d) => ({ name: d.detector, values: [d.metrics.blur_recall, d.metrics.sharp_kept] })));
  const categories = Object.keys(report.data.validationCategories).sort();
  const perCategory = groupedBars('Balanced accuracy per content category (photo folder)', categories, ds.map((d) => ({ name: d.detector, values: categories.map((c) => d.perCategory[c]?.balanced_accuracy ?? Number.NaN) })));
  const reliability = linePlot(
    'Reliability: predicted P(blurry) vs observed share blurry (validation set)',
    ds.map((d) => ({ name: d.detector, points: d.reliability.filter((b) => b.count > 0).map((b) => [b.meanProbability, b.observedBlurry] as [number, number]) })),
    { xLabel: 'mean predicted P(blurry) in bin', yLabel: 'observed blurry', xMax: 1, yMax: 1, diagonal: true },
  );
  const runs = [report.cnn.weighted, ...(report.cnn.unweighted ? [report.cnn.unweighted] : [])];
  const lossCurve = linePlot('CNN training loss per epoch', runs.map((r) => ({ name: r.imbalance, points: r.history.map((h) => [h.epoch, h.loss] as [number, number]) })), { xLabel: 'epoch', yLabel: 'loss' });
  const heldOutCurve = linePlot('CNN held-out patch accuracy per epoch', runs.map((r) => ({ name: r.imbalance, points: r.history.map((h) => [h.epoch, h.heldOut?.accuracy ?? Number.NaN] as [number, number]) })), { xLabel: 'epoch', yLabel: 'accuracy', yMax: 1 });
  const imbalance = groupedBars('Imbalance handling: held-out patch recall per class (last epoch)', [...PATCH_CLASSES], runs.map((r) => ({ name: r.imbalance, values: r.history.at(-1)?.heldOut?.recall ?? [] })));
  const whole = report.cnn.wholeImage;
  const heads = table(['head', 'examples', 'L2 blur / type (by CV)', 'out-of-fold ECE (calibrated)', 'uncalibrated', 'Platt scale', 'Platt offset'], report.fuse.heads.map((h) => [h.detector, h.examples, `${h.l2} / ${h.typeL2}`, num(h.outOfFoldEce), num(h.outOfFoldEceUncalibrated), num(h.calibration.scale), num(h.calibration.offset)]));
  const dataTable = table(['', ...PATCH_CLASSES], [
    ['training images', ...PATCH_CLASSES.map((c) => report.data.imageClasses[c])],
    ['CNN training crops', ...PATCH_CLASSES.map((c) => report.data.cropClasses[c] ?? 0)],
    ['validation images', ...PATCH_CLASSES.map((c) => report.data.validationClasses[c])],
  ]);
  const byKind = table(['kind', 'n', 'called right', 'type named right'], report.fusedByKind.map((k) => [esc(k.kind), k.n, k.right, k.typeRight ?? '']));
  const stages = table(['stage', 'seconds'], Object.entries(report.stageSeconds).map(([s, t]) => [s, num(t, 1)]));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blur finder training report</title>
<style>body{font:14px/1.45 system-ui,sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#222}
table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}
td:first-child,th:first-child{text-align:left}.cm{display:inline-block;margin-right:18px;vertical-align:top}.cell{display:inline-block;min-width:2.5em}
svg{margin:6px 12px 12px 0;vertical-align:top}code{background:#f3f3f3;padding:1px 4px}</style></head><body>
<h1>Blur finder: training report</h1>
<p>Generated ${esc(report.generated)} by <code>${esc(report.command)}</code> (seed ${report.config.seed}${report.config.quick ? ', <b>quick smoke run: numbers are not meaningful</b>' : ''}, backend ${report.config.backend}).
Threshold ${DEFAULT_THRESHOLD}, uncertain band ${DEFAULT_UNCERTAIN_BAND}. Validation: ${report.data.validationImages} held-out images (validation-split photos and procedural frames never used in training).</p>
<h2>Sharp kept on real photos (held out, as shot)</h2>${(report.realSharp ?? []).length ? table(['detector', 'sharp kept on real photos'], report.realSharp.map((r) => [esc(r.detector), keptText(r.kept)])) : '<p>No real-photo folder.</p>'}
<h2>Detectors on the same validation images</h2>${headline}
<p>ECE (val) is on the class-balanced validation set as drawn; ECE (gallery mix) re-weights it to the gallery class mix (${Object.entries(GALLERY_MIX).map(([c, v]) => `${c} ${(100 * v).toFixed(0)}%`).join(', ')}). The heads are calibrated for ${report.config.heads.calibrationPrior === 'balanced' ? 'even odds, so ECE (val) is the one that applies' : 'the gallery mix, so ECE (gallery mix) is the one that applies'}. 'cnn' is the patch CNN's features through its own head; 'whole-image-cnn' is the seed design (4 conv + 2 dense on a 200x200 squeeze), an ablation.</p>
${perClass}${rareFrequent}${blurSharp}${perCategory}
<h2>Fused detector per way of blurring and strength</h2>${byKind}
<h2>Confusion matrices</h2>${ds.map(confusionTable).join('')}
<h2>Calibration</h2>${reliability}${heads}
<h2>Patch CNN</h2><p>${report.cnn.trainPatches} training crops, ${report.cnn.heldOutPatches} held-out crops (head-set photos), ${report.cnn.weighted.weightCount} weights (${(report.cnn.weighted.weightCount * 4 / 1024).toFixed(0)} KB float32). Median app timings on this machine: features ${num(report.timings.featuresMsMedian, 0)} ms, CNN incl. patches ${num(report.timings.modelMsMedian, 0)} ms per photo.</p>
${lossCurve}${heldOutCurve}${imbalance}
${whole ? `<p>Whole-image ablation: ${whole.weightCount} weights, held-out image accuracy ${pct(whole.heldOut.accuracy)} after ${whole.history.length} epochs.</p>` : ''}
<h2>Data</h2>${dataTable}<p>Crops skipped: ${report.data.skippedCrops.flat} flat, ${report.data.skippedCrops.straddling} straddling a blur-mask edge. Images: ${report.data.images.cnn} for the CNN, ${report.data.images.head} for the heads (disjoint photos).</p>
<h2>Run</h2>${stages}
<p>Detectors: ${names.map(esc).join(', ')}.</p></body></html>\n`;
}

export function writeReport(config: RunConfig, report: TrainingReport): void {
  writeFileSync(join(config.outDir, 'report.json'), JSON.stringify(report, null, 1));
  writeFileSync(join(config.outDir, 'report.html'), renderReportHtml(report));
}

export function readReport(config: RunConfig): TrainingReport | undefined {
  const path = join(config.outDir, 'report.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as TrainingReport) : undefined;
}
