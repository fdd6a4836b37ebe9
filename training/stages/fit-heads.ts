// Fitting one head: L2 chosen by grouped cross-validation, the final fit on every example, Platt
// calibration on out-of-fold logits (folds grouped by source photo, so a photo's variants never
// calibrate each other). The fuse stage fits its three heads here, each in a child process.
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { FEATURE_NAMES } from '../../src/core/features/features.ts';
import { CNN_FEATURE_NAMES } from '../../src/core/cnn/aggregation.ts';
import { blurLogit, fuseScores, type FusionParams } from '../../src/core/fusion/head.ts';
import { SPECTRUM_FEATURE_NAMES } from '../../src/core/cnn/spectrum.ts';
import { expectedCalibrationError } from '../../src/eval/metrics.ts';
import type { L2Search, RunConfig } from '../config.ts';
import { hashString } from '../data/rng.ts';
import { exampleWeights, fitHead, fitPlatt, type FitHeadOptions, type HeadExample } from '../fit-head.ts';
import type { DataImage } from './data-images.ts';

const FOLDS = 5;

/** Features whose blur weight is constrained to <= 0: direct measures of sharpness. */
export const isSharpnessEvidence = (name: string): boolean => /^(cnnSharp|tileSharp)/.test(name);

export const HEAD_FEATURES = {
  fused: [...FEATURE_NAMES, ...CNN_FEATURE_NAMES, ...SPECTRUM_FEATURE_NAMES],
  features: [...FEATURE_NAMES],
  cnn: [...CNN_FEATURE_NAMES],
} as const;
export type HeadName = keyof typeof HEAD_FEATURES;

export interface HeadFitRecord {
  detector: HeadName;
  examples: number;
  /** Chosen L2 of the blur layer and of the type layer, and each candidate's out-of-fold losses. */
  l2: number;
  typeL2: number;
  /** Out-of-fold loss of the blur layer per L2 tried, and of the type layer per its own L2. */
  l2Losses: Record<string, number>;
  typeL2Losses: Record<string, number>;
  /** ECE of the calibrated out-of-fold probabilities (gallery class mix, as trained). */
  outOfFoldEce: number;
  outOfFoldEceUncalibrated: number;
  calibration: FusionParams['calibration'];
  seconds: number;
}

const foldOf = (image: Pick<DataImage, 'source'>) => hashString(`fold:${image.source}`) % FOLDS;

/** L2 strengths tried per head; the one with the best out-of-fold log loss is kept. With ~100-300
 * photos and up to ~35 correlated features, too little shrinkage overfits (and the calibration
 * then has to squash the logits), too much throws away the CNN's evidence. */
export const L2_GRID = [1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1];
/** L2 strengths tried for a type layer with a hidden layer (each trial trains 5 folds x 3 nets).
 * Half-decade steps around the usual pick: with 3600 type-set images a decade grid (1e-3, 1e-2,
 * 1e-1) had the fused head's out-of-fold loss at 0.556, 0.540, 0.766 and picked 1e-2; 3e-3 gave
 * 0.532 and named 78.7% of the validation types against 76.4%. */
export const PERCEPTRON_L2_GRID = [1e-3, 3e-3, 1e-2, 3e-2, 1e-1];
/** L2 strengths tried for a blur layer with a hidden layer: a decade grid, since each trial trains
 * 5 folds x 3 nets over every head example. */
export const BLUR_PERCEPTRON_L2_GRID = [1e-3, 1e-2, 1e-1];
/** The strengths a 'reduced' search (L2Search, `npm run train -- --reduced`) takes: what the full
 * run picked on the shipped recipe (2026-12-07: the fused head 1e-3 for both layers, the linear
 * heads 3e-2 and 1e-3). One trial per layer: the fuse stage took 12 minutes against 69 (with the
 * as-shot cache, on a machine shared with another run). Checked 2026-12-07 on two recipes, the
 * shipped one and the fused head with a linear blur layer: the full grid picked these strengths
 * (its out-of-fold losses are flat near them), and --reduced exported the same heads byte for byte.
 * A recipe whose best strength moves away from these would be judged a little short of its best. */
const REDUCED_L2 = { blurPerceptron: 1e-3, blurLinear: 3e-2, type: 1e-3 };

/** The L2 strengths a layer tries: a blur layer with or without hidden units, or a type layer. */
export function l2Candidates(layer: 'blur-perceptron' | 'blur-linear' | 'type-perceptron' | 'type-linear', search: L2Search): number[] {
  if (search === 'reduced') return [layer === 'blur-perceptron' ? REDUCED_L2.blurPerceptron : layer === 'blur-linear' ? REDUCED_L2.blurLinear : REDUCED_L2.type];
  return layer === 'blur-perceptron' ? BLUR_PERCEPTRON_L2_GRID : layer === 'type-perceptron' ? PERCEPTRON_L2_GRID : L2_GRID;
}

interface OutOfFold {
  logits: number[];
  /** Platt-calibrated log loss of P(blurry). */
  blurLoss: number;
  /** Type log loss over the blurred photos. */
  typeLoss: number;
  calibration: FusionParams['calibration'];
}

/**
 * Which class mix the calibrated P(blurry) assumes. 'gallery': the head images' own mix (mostly
 * sharp, like a camera roll), so 0.5 needs strong evidence of blur. 'balanced': sharp and blurry
 * equally likely beforehand, so 0.5 is where the evidence itself is even; that is what balanced
 * accuracy rewards and what a set of photos someone already suspects (or a benchmark) looks like.
 */
export type CalibrationPrior = RunConfig['heads']['calibrationPrior'];

/** Blurred examples for the type layer only, with the photo they came from (for the folds). */
export interface TypeExamples {
  images: readonly Pick<DataImage, 'source'>[];
  examples: readonly HeadExample[];
}

function outOfFold(images: readonly Pick<DataImage, 'source'>[], examples: readonly HeadExample[], options: FitHeadOptions, prior: CalibrationPrior, typeSet?: TypeExamples): OutOfFold {
  const logits = new Array<number>(examples.length).fill(0);
  let typeLoss = 0;
  let typed = 0;
  for (let f = 0; f < FOLDS; f++) {
    const trainIdx = examples.map((_, i) => i).filter((i) => foldOf(images[i]!) !== f);
    const testIdx = examples.map((_, i) => i).filter((i) => foldOf(images[i]!) === f);
    if (testIdx.length === 0 || trainIdx.length === 0) continue;
    const typeExamples = typeSet?.examples.filter((_, i) => foldOf(typeSet.images[i]!) !== f);
    const head = fitHead(trainIdx.map((i) => examples[i]!), { ...options, ...(typeExamples ? { typeExamples } : {}) });
    for (const i of testIdx) {
      const e = examples[i]!;
      logits[i] = blurLogit(head, e.features);
      if (e.label !== 'sharp') {
        typeLoss -= Math.log(Math.max(1e-9, fuseScores(head, e.features).typeProbabilities[e.label]));
        typed++;
      }
    }
  }
  const blurry = examples.map((e) => e.label !== 'sharp');
  // 'balanced': sharp and blurry weigh the same in total, as if drawn at even odds.
  const weights = prior === 'balanced' ? Array.from(exampleWeights(blurry.map(String), 'balanced')) : undefined;
  const calibration = fitPlatt(logits, blurry, weights);
  const p = logits.map((z) => 1 / (1 + Math.exp(-(calibration.scale * z + calibration.offset))));
  const blurLoss = -p.reduce((s, pi, i) => s + (weights?.[i] ?? 1) * Math.log(Math.max(1e-9, blurry[i] ? pi : 1 - pi)), 0) / examples.length;
  return { logits, calibration, blurLoss, typeLoss: typed ? typeLoss / typed : 0 };
}

export interface CalibratedHeadOptions {
  iterations: number;
  prior: CalibrationPrior;
  /** Default: the detector's HEAD_FEATURES. */
  featureNames?: readonly string[];
  typeSet?: TypeExamples;
  /** Hidden units of the type layer (0: linear). */
  typeHiddenUnits: number;
  /** Hidden units of the blur layer (0: the sign-constrained logistic). */
  blurHiddenUnits?: number;
  /** Default 'grid'. */
  l2Search?: L2Search;
  seed: number;
}

/** Picks L2 by grouped cross-validation, fits on all examples, calibrates on out-of-fold logits. */
export function fitCalibratedHead(detector: HeadName, images: readonly Pick<DataImage, 'source'>[], examples: readonly HeadExample[], options: CalibratedHeadOptions): { params: FusionParams; record: Omit<HeadFitRecord, 'seconds'>; outOfFold: number[] } {
  const base = { detector, featureNames: options.featureNames ?? HEAD_FEATURES[detector], sharpnessEvidence: isSharpnessEvidence, iterations: options.iterations, seed: options.seed };
  // Each layer gets its own L2: they fit different models (a sign-constrained logistic on every
  // example, a type layer on the blurred ones only), and one shared strength would suit at most one
  // of them. A type layer with a hidden layer is tried on its own grid, and each layer's trials then
  // fit that layer alone.
  const perceptron = options.typeHiddenUnits > 0;
  const blurHiddenUnits = options.blurHiddenUnits ?? 0;
  const search = options.l2Search ?? 'grid';
  const blurGrid = l2Candidates(blurHiddenUnits > 0 ? 'blur-perceptron' : 'blur-linear', search);
  const trials = blurGrid.map((l2) => ({ l2, oof: outOfFold(images, examples, { ...base, l2, blurHiddenUnits, layers: perceptron || blurHiddenUnits > 0 ? 'blur' : 'both' }, options.prior, options.typeSet) }));
  const best = trials.reduce((a, b) => (b.oof.blurLoss < a.oof.blurLoss ? b : a));
  const typeTrials = perceptron
    ? l2Candidates('type-perceptron', search).map((typeL2) => ({ l2: typeL2, oof: outOfFold(images, examples, { ...base, l2: best.l2, typeL2, typeHiddenUnits: options.typeHiddenUnits, layers: 'type' }, options.prior, options.typeSet) }))
    : blurHiddenUnits > 0
      ? l2Candidates('type-linear', search).map((typeL2) => ({ l2: typeL2, oof: outOfFold(images, examples, { ...base, l2: typeL2, layers: 'type' }, options.prior, options.typeSet) }))
      : trials;
  const bestType = typeTrials.reduce((a, b) => (b.oof.typeLoss < a.oof.typeLoss ? b : a));
  const { calibration, logits } = best.oof;
  const params = {
    ...fitHead(examples, { ...base, l2: best.l2, typeL2: bestType.l2, typeHiddenUnits: options.typeHiddenUnits, blurHiddenUnits, ...(options.typeSet ? { typeExamples: options.typeSet.examples } : {}) }),
    calibration,
  };
  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
  const asPredictions = (p: (z: number) => number) =>
    examples.map((e, i) => ({ label: e.label, probability: p(logits[i]!), typeProbabilities: null }));
  return {
    params,
    // Calibrated P(blurry) of each example from the fold that did not fit on its photo.
    outOfFold: logits.map((z) => sigmoid(calibration.scale * z + calibration.offset)),
    record: {
      detector,
      examples: examples.length,
      l2: best.l2,
      typeL2: bestType.l2,
      l2Losses: Object.fromEntries(trials.map((t) => [String(t.l2), t.oof.blurLoss])),
      typeL2Losses: Object.fromEntries(typeTrials.map((t) => [String(t.l2), t.oof.typeLoss])),
      outOfFoldEce: expectedCalibrationError(asPredictions((z) => sigmoid(calibration.scale * z + calibration.offset))),
      outOfFoldEceUncalibrated: expectedCalibrationError(asPredictions(sigmoid)),
      calibration,
    },
  };
}

export interface HeadJob {
  name: HeadName;
  images: Pick<DataImage, 'source'>[];
  examples: readonly HeadExample[];
  options: CalibratedHeadOptions;
}
export type HeadFit = ReturnType<typeof fitCalibratedHead> & { seconds: number };

function fitHeadJob(job: HeadJob): HeadFit {
  const started = performance.now();
  return { ...fitCalibratedHead(job.name, job.images, job.examples, job.options), seconds: (performance.now() - started) / 1000 };
}

/**
 * Fits the heads in child processes, one per core (the three heads are independent, and each is
 * minutes of single-threaded JS), and returns them in job order. Structured-clone IPC keeps NaN
 * features and every double exact, so the heads are the ones one process would fit.
 */
export async function fitHeadsInChildren(jobs: HeadJob[], onFit: (fit: HeadFit, done: number) => void): Promise<HeadFit[]> {
  const workers = Math.min(jobs.length, availableParallelism());
  if (workers <= 1) return jobs.map((job, i) => {
    const fit = fitHeadJob(job);
    onFit(fit, i + 1);
    return fit;
  });
  const fits = new Array<HeadFit>(jobs.length);
  let next = 0;
  let done = 0;
  const runOne = (i: number) =>
    new Promise<void>((resolveFit, reject) => {
      const child = fork(fileURLToPath(import.meta.url), ['--head-child'], { execArgv: process.execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      child.once('message', (message: { fit: HeadFit } | { error: string }) => {
        if ('error' in message) return reject(new Error(`head fitting (${jobs[i]!.name}): ${message.error}`));
        fits[i] = message.fit;
        onFit(message.fit, ++done);
        resolveFit();
      });
      // A child that dies, or exits without an answer, must not leave the stage waiting forever.
      child.on('exit', (code) => (fits[i] ? undefined : reject(new Error(`head fitting (${jobs[i]!.name}) exited with ${code} before answering`))));
      child.send(jobs[i]!);
    });
  const lane = async () => {
    while (next < jobs.length) await runOne(next++);
  };
  await Promise.all(Array.from({ length: workers }, lane));
  return fits;
}

if (process.argv.includes('--head-child') && process.send) {
  process.once('message', (job: HeadJob) => {
    let reply: { fit: HeadFit } | { error: string };
    try {
      reply = { fit: fitHeadJob(job) };
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    process.send!(reply, () => process.disconnect());
  });
}
