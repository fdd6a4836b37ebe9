// Stage 'threshold': sets each head's operating point on real sharp photos. The heads rank well on
// real collections (AUC 0.94-0.99) while the threshold that balanced each collection ranged from
// 0.32 to 0.94: where 0.5 falls was learnt from synthetic photos. The product's costly mistake is a
// sharp photo offered for deletion, so the point is chosen where real sharp photos are kept.
//
// The photos: the real pool's 'cnn' part, judged as shot (both sizes, realAsShotImages). The heads
// were never fitted on them, and the held-out part stays untouched for the report. (The CNN saw
// synthetic versions of these photos, so their scores lean slightly sharp; the held-out number in
// the report is the honest one.) Where the heads fitted on every real training photo
// (realPhotos.allInHeads), no unseen one is left: each photo's out-of-fold probability stands in,
// what a head fitted without that photo said of it (the fuse stage's cross-validation). Only the
// real pool's photos (everyday content, like the held-out part) set it: the benchmark photos are
// texture-rich, and the people photos are judged by their faces in the app, not by the frame.
//
// How it is applied: by shifting the Platt offset so the chosen threshold becomes 0.5. Every
// consumer (the app's verdict, its slider, eval, reports) keeps its one rule at 0.5, and a
// probability now reads "blurry odds for a gallery of real photos".
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FusionParams } from '../../src/core/fusion/head.ts';
import { blurLogit } from '../../src/core/fusion/head.ts';
import { loadLayersModelFromDir } from '../../src/node/model-files.ts';
import { REAL_SHARP_KEEP_TARGET, type RunConfig } from '../config.ts';
import { createProgress } from '../../src/node/progress.ts';
import { patchFeatures } from '../../src/core/cnn/patch-features.ts';
import { realAsShotImages } from './real-as-shot.ts';
import { OUT_OF_FOLD_FILE, type OutOfFoldAsShot } from './fuse.ts';
import { poolOfSource } from './data.ts';

/** Never further than this: past it the few sharp photos left above are outliers, and chasing them
 * would give away the blurred photos the product exists to find. */
export { REAL_SHARP_KEEP_TARGET };
export const MAX_THRESHOLD = 0.95;

export interface OperatingPoint {
  detector: string;
  /** Real sharp images (photos x sizes) the point was chosen on. */
  images: number;
  /** Calibrated P(blurry) (before the shift) that becomes the new 0.5; 0.5 when no shift was needed. */
  threshold: number;
  /** Share of those images kept at 0.5 before, and at the chosen point. */
  keptBefore: number;
  keptAfter: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

/** The smallest threshold >= 0.5 that keeps `target` of the given sharp probabilities (pure; tested). */
export function chooseThreshold(sharpProbabilities: readonly number[], target = REAL_SHARP_KEEP_TARGET): number {
  if (sharpProbabilities.length === 0) return 0.5;
  const sorted = [...sharpProbabilities].sort((a, b) => a - b);
  // Keep ceil(target * n) photos: the threshold sits just above the last of them.
  const keep = Math.min(sorted.length, Math.ceil(target * sorted.length));
  const highestKept = sorted[keep - 1]!;
  return Math.min(MAX_THRESHOLD, Math.max(0.5, highestKept + 1e-6));
}

/** The head with its calibration shifted so that `threshold` maps to 0.5. */
export function withOperatingPoint(head: FusionParams, threshold: number): FusionParams {
  return { ...head, calibration: { ...head.calibration, offset: head.calibration.offset - logit(threshold) } };
}

const calibrated = (head: FusionParams, features: Record<string, number>) =>
  sigmoid(head.calibration.scale * blurLogit(head, features) + head.calibration.offset);

/** Calibrated P(blurry) of real sharp photos the head did not fit on, per head file. */
async function unseenSharpProbabilities(config: RunConfig, heads: { file: string; head: FusionParams }[]): Promise<Map<string, number[]>> {
  if (config.realPhotos.allInHeads) {
    const outOfFold = JSON.parse(readFileSync(join(config.outDir, 'fuse', OUT_OF_FOLD_FILE), 'utf8')) as OutOfFoldAsShot;
    const realPool = (x: { source: string }) => poolOfSource(x.source) === 'real';
    return new Map(heads.map(({ file, head }) => [file, (outOfFold[head.detector as keyof OutOfFoldAsShot] ?? []).filter(realPool).map((x) => x.probability)]));
  }
  const features = await cnnPartFeatures(config);
  return new Map(heads.map(({ file, head }) => [file, features.map((f) => calibrated(head, f))]));
}

/** The real pool's 'cnn' part as shot, with CNN features: photos the heads never fitted on. */
async function cnnPartFeatures(config: RunConfig): Promise<Record<string, number>[]> {
  // The blurred counterparts are the heads' business; the point is set on the photos as shot.
  const images = await realAsShotImages(config, 'cnn', { counterparts: 0 });
  const model = await loadLayersModelFromDir(join(config.outDir, 'cnn', 'model'));
  const progress = createProgress('threshold: real sharp photos as shot', images.length);
  const features: Record<string, number>[] = [];
  for (const im of images) {
    features.push({ ...im.features, ...(await patchFeatures(model, im.luma)).features });
    progress.update(features.length);
  }
  progress.finish();
  model.dispose();
  return features;
}

export async function runThresholdStage(config: RunConfig): Promise<OperatingPoint[]> {
  const readHead = (file: string) => JSON.parse(readFileSync(join(config.outDir, 'fuse', file), 'utf8')) as FusionParams;
  const heads = ['fusion.json', 'features-head.json', 'cnn-head.json'].filter((file) => existsSync(join(config.outDir, 'fuse', file))).map((file) => ({ file, head: readHead(file) }));
  const probabilities = await unseenSharpProbabilities(config, heads);
  const outDir = join(config.outDir, 'threshold');
  mkdirSync(outDir, { recursive: true });
  const points: OperatingPoint[] = [];
  for (const { file, head } of heads) {
    const p = probabilities.get(file)!;
    const target = config.realPhotos.keepTarget;
    const threshold = target === null ? 0.5 : chooseThreshold(p, target);
    const kept = (t: number) => (p.length ? p.filter((x) => x < t).length / p.length : Number.NaN);
    points.push({ detector: head.detector, images: p.length, threshold, keptBefore: kept(0.5), keptAfter: kept(threshold) });
    writeFileSync(join(outDir, file), JSON.stringify(withOperatingPoint(head, threshold), null, 1));
  }
  writeFileSync(join(outDir, 'result.json'), JSON.stringify({ points }, null, 1));
  for (const pt of points) {
    process.stderr.write(`[threshold] ${pt.detector.padEnd(9)} 0.5 -> ${pt.threshold.toFixed(3)}: real sharp kept ${(100 * pt.keptBefore).toFixed(1)}% -> ${(100 * pt.keptAfter).toFixed(1)}% of ${pt.images}\n`);
  }
  return points;
}
