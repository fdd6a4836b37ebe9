// Stage 'cnn': trains the patch CNN on crops of the CNN image set (class-weighted), checks it on
// crops of the head image set (photos it never sees), and saves it. Optionally trains the same
// net unweighted to measure what imbalance handling buys, and the whole-image ablation net.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadLayersModelFromDir } from '../../src/node/model-files.ts';
import { REPO_ROOT } from '../data/photos.ts';
import { buildPatchCnn, weightCount } from '../../src/core/cnn/cnn.ts';
import { PATCH_CLASSES } from '../../src/core/types.ts';
import type { Imbalance, RunConfig } from '../config.ts';
import { deriveSeed } from '../data/rng.ts';
import { saveLayersModelToDir } from '../model-files.ts';
import { capCropsPerImage, classCounts, classWeightsFor, loadPatchDataset, type PatchDataset } from '../patch-dataset.ts';
import { createProgress } from '../../src/node/progress.ts';
import { trainPatchCnn, type EpochRecord } from '../train-patch-cnn.ts';
import { trainWholeImageCnn, type WholeImageHistory } from '../whole-image-cnn.ts';
import { dataDir as dataDirOf, loadDataManifest } from './data.ts';

export interface CnnRunRecord {
  imbalance: Imbalance;
  weightCount: number;
  classWeights: number[] | null;
  history: EpochRecord[];
  seconds: number;
}

export interface CnnStageResult {
  /** Set when the CNN was not trained but reused (config.cnn.frozenModelDir), relative to the repo. */
  frozenFrom?: string;
  trainPatches: number;
  heldOutPatches: number;
  classCounts: Record<string, number>;
  heldOutClassCounts: Record<string, number>;
  /** The shipped CNN, trained with config.cnn.imbalance class weights. */
  weighted: CnnRunRecord;
  /** With --imbalance-ablation: the same net, data and budget without class weights. */
  unweighted?: CnnRunRecord;
  wholeImage?: WholeImageHistory;
}

/** At most `max` patches, evenly spread (every k-th), so per-epoch checks stay cheap. */
function spread(dataset: PatchDataset, max: number): PatchDataset {
  if (dataset.n <= max) return dataset;
  const step = dataset.n / max;
  const area = dataset.size * dataset.size;
  const pick = Array.from({ length: max }, (_, i) => Math.floor(i * step));
  const data = new Float32Array(max * area);
  pick.forEach((p, i) => data.set(dataset.data.subarray(p * area, (p + 1) * area), i * area));
  return {
    n: max,
    size: dataset.size,
    data,
    labels: Int32Array.from(pick, (p) => dataset.labels[p]!),
    image: Int32Array.from(pick, (p) => dataset.image[p]!),
  };
}

const byClass = (counts: number[]) => Object.fromEntries(PATCH_CLASSES.map((c, i) => [c, counts[i]!]));

async function trainOne(config: RunConfig, train: PatchDataset, heldOut: PatchDataset, imbalance: Imbalance, dir: string): Promise<CnnRunRecord> {
  const classWeights = classWeightsFor(classCounts(train.labels), imbalance);
  const model = buildPatchCnn({ seed: deriveSeed(config.seed, 'patch-cnn') });
  const label = imbalance === config.cnn.imbalance ? `cnn: ${imbalance} class weights` : `cnn: ${imbalance} class weights (ablation)`;
  const steps = Math.floor(train.n / config.cnn.batchSize) * config.cnn.epochs;
  const progress = createProgress(label, steps);
  const started = performance.now();
  let recent = 0;
  const history = await trainPatchCnn(model, train, {
    epochs: config.cnn.epochs,
    batchSize: config.cnn.batchSize,
    learningRate: config.cnn.learningRate,
    classWeights,
    seed: deriveSeed(config.seed, 'patch-cnn-batches'),
    heldOut,
    onStep: (step, _total, loss) => {
      recent = recent === 0 ? loss : 0.95 * recent + 0.05 * loss;
      progress.update(step, `loss ${recent.toFixed(3)}`);
    },
  });
  const last = history[history.length - 1]!;
  progress.finish(`loss ${history[0]!.loss.toFixed(3)} -> ${last.loss.toFixed(3)}, held-out accuracy ${(100 * (last.heldOut?.accuracy ?? Number.NaN)).toFixed(1)}%`);
  await saveLayersModelToDir(model, dir);
  const count = weightCount(model);
  model.dispose();
  return { imbalance, weightCount: count, classWeights, history, seconds: (performance.now() - started) / 1000 };
}

/** Copies the frozen CNN in place of training one, and records what it is. */
async function reuseFrozenCnn(config: RunConfig, from: string): Promise<CnnStageResult> {
  const outDir = join(config.outDir, 'cnn');
  mkdirSync(join(outDir, 'model'), { recursive: true });
  for (const name of readdirSync(from)) copyFileSync(join(from, name), join(outDir, 'model', name));
  const model = await loadLayersModelFromDir(join(outDir, 'model'));
  const count = weightCount(model);
  model.dispose();
  const none = byClass(PATCH_CLASSES.map(() => 0));
  const result: CnnStageResult = {
    frozenFrom: relative(REPO_ROOT, from) || from,
    trainPatches: 0,
    heldOutPatches: 0,
    classCounts: none,
    heldOutClassCounts: none,
    weighted: { imbalance: config.cnn.imbalance, weightCount: count, classWeights: null, history: [], seconds: 0 },
  };
  writeFileSync(join(outDir, 'result.json'), JSON.stringify(result, null, 1));
  process.stderr.write(`[cnn] frozen: reusing ${result.frozenFrom} (${count} weights)\n`);
  return result;
}

/** Where the whole-image ablation net is saved (and where the evaluate stage looks for it). */
export const wholeImageDir = (config: RunConfig) => join(config.outDir, 'cnn', 'whole-image');

export async function runCnnStage(config: RunConfig): Promise<CnnStageResult> {
  // The evaluate stage judges whatever net is in this folder: never leave an older run's there.
  rmSync(wholeImageDir(config), { recursive: true, force: true });
  if (config.cnn.frozenModelDir) return reuseFrozenCnn(config, config.cnn.frozenModelDir);
  const manifest = loadDataManifest(config);
  const dataDir = dataDirOf(config, manifest.key);
  const cnnImages = capCropsPerImage(manifest.images.filter((im) => im.set === 'cnn'), config.cnn.maxCropsPerImage, config.seed);
  const headImages = manifest.images.filter((im) => im.set === 'head');
  const loading = createProgress('cnn: cutting patches', cnnImages.length + headImages.length);
  const train = loadPatchDataset(cnnImages, dataDir, (d) => loading.update(d));
  const heldOut = spread(loadPatchDataset(headImages, dataDir, (d) => loading.update(cnnImages.length + d)), config.quick ? 400 : 2500);
  loading.finish(`${train.n} training patches, ${heldOut.n} held-out`);

  const outDir = join(config.outDir, 'cnn');
  mkdirSync(outDir, { recursive: true });
  const weightedRun = await trainOne(config, train, heldOut, config.cnn.imbalance, join(outDir, 'model'));
  const result: CnnStageResult = {
    trainPatches: train.n,
    heldOutPatches: heldOut.n,
    classCounts: byClass(classCounts(train.labels)),
    heldOutClassCounts: byClass(classCounts(heldOut.labels)),
    weighted: weightedRun,
  };
  if (config.cnn.imbalanceAblation && config.cnn.imbalance !== 'none') {
    result.unweighted = await trainOne(config, train, heldOut, 'none', join(outDir, 'model-unweighted'));
  }
  if (config.wholeImage.enabled) result.wholeImage = await trainWholeImageCnn(config, cnnImages, headImages, dataDir, wholeImageDir(config));
  writeFileSync(join(outDir, 'result.json'), JSON.stringify(result, null, 1));
  return result;
}
