// Stage 'fuse': fits the three heads (fused = classical + CNN + spectrum features; features =
// classical only; cnn = CNN features only), picks each one's blur and type L2 by grouped
// cross-validation, and calibrates each with Platt scaling on out-of-fold logits (folds grouped by
// source photo, so a photo's variants never calibrate each other). The fused and cnn heads use only
// the head image set, whose photos the CNN never saw; the features head has no CNN to leak from and
// uses every training image. Both layers of every head also learn from the type set (blurred images
// of head photos); calibration uses the head images alone, so P(blurry) keeps a gallery's odds.
// The fitting itself is fit-heads.ts; this stage gathers the examples, and keeps the out-of-fold
// P(blurry) of the real photos as shot for the threshold stage.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { patchFeatures } from '../../src/core/cnn/patch-features.ts';
import { asShotExamples, type AsShotExample } from './as-shot-cache.ts';
import { loadLayersModelFromDir } from '../../src/node/model-files.ts';
import type { RunConfig } from '../config.ts';
import type { HeadExample } from '../fit-head.ts';
import { createProgress, type Progress } from '../../src/node/progress.ts';
import { dataDir as dataDirOf, ensureTypeSet, loadDataManifest, loadWorkingLuma } from './data.ts';
import type { DataImage } from './data-images.ts';
import { fitHeadsInChildren, type HeadFitRecord, type HeadName, type TypeExamples } from './fit-heads.ts';

/** Out-of-fold calibrated P(blurry) of the real sharp photos as shot, per head: what a head fitted
 * without a photo says of it, for an operating point set on photos the heads fitted on. */
export type OutOfFoldAsShot = Partial<Record<HeadName, { source: string; probability: number }[]>>;
export const OUT_OF_FOLD_FILE = 'out-of-fold-as-shot.json';

export interface FuseStageResult {
  heads: HeadFitRecord[];
}

export async function runFuseStage(config: RunConfig): Promise<FuseStageResult> {
  const manifest = loadDataManifest(config);
  const dataDir = dataDirOf(config, manifest.key);
  const modelDir = join(config.outDir, 'cnn', 'model');
  const model = await loadLayersModelFromDir(modelDir);
  const headImages = manifest.images.filter((im) => im.set === 'head');
  const typeSet = await ensureTypeSet(config);
  // Real photos as shot first (kept between runs: as-shot-cache.ts).
  let asShot: AsShotExample[] = [];
  if (config.realPhotos.asShotInHeads) {
    // The bar starts on the first photo, when the number of photos is known.
    const bar: { progress?: Progress } = {};
    const made = await asShotExamples(config, model, modelDir, (done, all) => {
      bar.progress ??= createProgress('fuse: real photos as shot and blurred, with CNN features', all);
      bar.progress.update(done);
    });
    bar.progress?.finish();
    asShot = made.examples;
    if (made.cached) process.stderr.write(`[fuse] reusing ${asShot.length} cached real as-shot examples\n`);
  }
  const progress = createProgress('fuse: CNN features of head and type-set images', headImages.length + typeSet.images.length);
  const withCnn = async (images: readonly DataImage[], dir: string, before: number): Promise<HeadExample[]> => {
    const out: HeadExample[] = [];
    for (const im of images) {
      // The CNN's features of each image exactly as the app computes them (core's patchFeatures).
      out.push({ label: im.label, features: { ...im.features, ...(await patchFeatures(model, loadWorkingLuma(join(dir, im.file)))).features } });
      progress.update(before + out.length);
    }
    return out;
  };
  const headExamples: HeadExample[] = [...(await withCnn(headImages, dataDir, 0)), ...asShot.map(({ label, features }) => ({ label, features }))];
  const asShotImages = asShot.map(({ source }) => ({ source }));
  const asShotClassical = asShot.map((im): HeadExample => ({ label: im.label, features: im.classical }));
  const typeExamples = await withCnn(typeSet.images, typeSet.dir, headImages.length);
  progress.finish();
  model.dispose();
  const classicalOnly = (images: readonly DataImage[]) => images.map((im) => ({ label: im.label, features: im.features }));

  const iterations = config.quick ? 200 : 800;
  const outDir = join(config.outDir, 'fuse');
  mkdirSync(outDir, { recursive: true });
  const heads: HeadFitRecord[] = [];
  const withTypes: TypeExamples = { images: typeSet.images, examples: typeExamples };
  const jobs: Array<[HeadName, readonly Pick<DataImage, 'source'>[], readonly HeadExample[], TypeExamples, string]> = [
    ['fused', [...headImages, ...asShotImages], headExamples, withTypes, 'fusion.json'],
    ['cnn', [...headImages, ...asShotImages], headExamples, withTypes, 'cnn-head.json'],
    ['features', [...manifest.images, ...asShotImages], [...classicalOnly(manifest.images), ...asShotClassical], { images: typeSet.images, examples: classicalOnly(typeSet.images) }, 'features-head.json'],
  ];
  const fitting = createProgress('fuse: fitting heads', jobs.length);
  const outOfFoldAsShot: OutOfFoldAsShot = {};
  const fits = await fitHeadsInChildren(
    jobs.map(([name, images, examples, types]) => ({
      name,
      // Folds need only each image's source photo; the crops would be megabytes of copying.
      images: images.map(({ source }) => ({ source })),
      examples,
      options: { iterations, prior: config.heads.calibrationPrior, typeSet: { images: types.images.map(({ source }) => ({ source })), examples: types.examples }, typeHiddenUnits: config.heads.typeHiddenUnits, blurHiddenUnits: name === 'fused' ? config.heads.blurHiddenUnits : 0, l2Search: config.heads.l2Search, seed: config.seed },
    })),
    (fit, done) => fitting.update(done, `${fit.record.detector}: out-of-fold ECE ${fit.record.outOfFoldEce.toFixed(3)}`),
  );
  fits.forEach(({ params, record, seconds, outOfFold }, i) => {
    writeFileSync(join(outDir, jobs[i]![4]), JSON.stringify(params, null, 1));
    heads.push({ ...record, seconds });
    // The real photos as shot come last in every job's examples, in asShot's order.
    const fromAsShot = outOfFold.slice(outOfFold.length - asShot.length);
    outOfFoldAsShot[record.detector] = asShot.flatMap((im, k) => (im.label === 'sharp' ? [{ source: im.source, probability: fromAsShot[k]! }] : []));
  });
  writeFileSync(join(outDir, OUT_OF_FOLD_FILE), JSON.stringify(outOfFoldAsShot));
  fitting.finish();
  const result = { heads };
  writeFileSync(join(outDir, 'result.json'), JSON.stringify(result, null, 1));
  return result;
}

