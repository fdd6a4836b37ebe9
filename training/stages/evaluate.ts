// Stage 'evaluate': every detector on the same held-out validation images. 'fused', 'features'
// and 'laplacian-100' go through the app's own analyzer (src/core/analyze.ts), so these are the
// app's numbers; 'cnn' (CNN features only) and the whole-image ablation reuse the same decode.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer, type DetectorName } from '../../src/core/analyze.ts';
import { predictPatches } from '../../src/core/cnn/cnn.ts';
import { fuseScores, type FusionParams } from '../../src/core/fusion/head.ts';
import { BLUR_TYPES, type BlurType, type PatchClass } from '../../src/core/types.ts';
import { verdictFor } from '../../src/core/fusion/verdict.ts';
import { loadLayersModelFromDir } from '../../src/node/model-files.ts';
import { loadOpenCvNode } from '../../src/node/opencv.ts';
import type { RunConfig } from '../config.ts';
import { listRealPhotos } from '../data/photos.ts';
import { createProgress } from '../../src/node/progress.ts';
import { squeezeLuma } from '../whole-image-cnn.ts';
import { ensureValidationSet, loadWorkingLuma } from './data.ts';
import { wholeImageDir } from './cnn.ts';

async function judgeRealSharpAsShot(config: RunConfig, analyzer: ReturnType<typeof createAnalyzer>): Promise<RealSharpRow[]> {
  if (!existsSync(config.realPhotosDir)) return [];
  const heldOut = listRealPhotos(config.realPhotosDir)
    .filter((p) => p.split === 'validation')
    .slice(0, config.data.maxRealPhotos ?? Infinity);
  const progress = createProgress('evaluate: held-out real sharp photos, as shot', heldOut.length);
  const rows: RealSharpRow[] = [];
  for (const photo of heldOut) {
    const luma = loadWorkingLuma(photo.path);
    const output = async (detector: DetectorName): Promise<DetectorOutput> => {
      const { probability, typeProbabilities } = (await analyzer.analyze(luma, { detector })).analysis;
      return { probability, typeProbabilities };
    };
    rows.push({ file: photo.relPath, collection: photo.category, outputs: { fused: await output('fused'), features: await output('features'), 'laplacian-100': await output('laplacian-100') } });
    progress.update(rows.length, `${photo.category} -> ${verdictFor(rows.at(-1)!.outputs.fused.probability)}`);
  }
  progress.finish();
  return rows;
}

export const EVAL_DETECTORS = ['fused', 'features', 'cnn', 'laplacian-100', 'whole-image-cnn'] as const;
export type EvalDetector = (typeof EVAL_DETECTORS)[number];

export interface DetectorOutput {
  probability: number;
  typeProbabilities: Record<BlurType, number> | null;
}

export interface EvalRow {
  file: string;
  label: PatchClass;
  category: string;
  kind: string;
  strength: number | null;
  bokeh: boolean;
  /** 'whole-image-cnn' is missing when the run reused a frozen CNN (no ablation net was trained). */
  outputs: Record<Exclude<EvalDetector, 'whole-image-cnn'>, DetectorOutput> & { 'whole-image-cnn'?: DetectorOutput };
  /** App timings of the fused analysis (features, CNN incl. patches) in ms. */
  featuresMs: number;
  modelMs: number;
}

/** One held-out real sharp photo judged as shot (its own JPEG, no synthetic pipeline). */
export interface RealSharpRow {
  /** Path relative to the real-photo folder; its first folder is the collection. */
  file: string;
  collection: string;
  outputs: Record<'fused' | 'features' | 'laplacian-100', DetectorOutput>;
}

export interface EvaluateStageResult {
  validationDir: string;
  rows: EvalRow[];
  /** The real pool's held-out part (listRealPhotos), never trained on. */
  realSharpRows: RealSharpRow[];
  seconds: number;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

export async function runEvaluateStage(config: RunConfig): Promise<EvaluateStageResult> {
  const started = performance.now();
  const validation = await ensureValidationSet(config);
  const cv = await loadOpenCvNode();
  const cnn = await loadLayersModelFromDir(join(config.outDir, 'cnn', 'model'));
  const wholeDir = wholeImageDir(config);
  const wholeImage = existsSync(wholeDir) ? await loadLayersModelFromDir(wholeDir) : null;
  const wholeSize = wholeImage?.inputs[0]!.shape[1] ?? 0;
  const fusion = readJson<FusionParams>(join(config.outDir, 'threshold', 'fusion.json'));
  const featuresHead = readJson<FusionParams>(join(config.outDir, 'threshold', 'features-head.json'));
  const cnnHead = readJson<FusionParams>(join(config.outDir, 'threshold', 'cnn-head.json'));
  const analyzer = createAnalyzer(cv, { cnn, fusion, featuresHead });

  const files = validation.manifest.files;
  const progress = createProgress('evaluate: validation images', files.length);
  const rows: EvalRow[] = [];
  for (const entry of files) {
    const luma = loadWorkingLuma(join(validation.dir, entry.file));
    const run = async (detector: DetectorName) => (await analyzer.analyze(luma, { detector }));
    const fused = await run('fused');
    const features = (await run('features')).analysis;
    const baseline = (await run('laplacian-100')).analysis;
    const cnnOnly = fuseScores(cnnHead, fused.analysis.features);
    const whole = wholeImage ? await predictPatches(wholeImage, { n: 1, size: wholeSize, data: squeezeLuma(luma, wholeSize) }) : null;
    const blurMass = whole ? 1 - whole[0]! : Number.NaN;
    const wholeTypes = whole ? (Object.fromEntries(BLUR_TYPES.map((t, i) => [t, blurMass > 0 ? whole[i + 1]! / blurMass : 1 / 3])) as Record<BlurType, number>) : null;
    rows.push({
      file: entry.file,
      label: entry.class,
      category: entry.meta.category,
      kind: entry.meta.kind,
      strength: entry.meta.strength,
      bokeh: entry.meta.bokeh,
      outputs: {
        fused: { probability: fused.analysis.probability, typeProbabilities: fused.analysis.typeProbabilities },
        features: { probability: features.probability, typeProbabilities: features.typeProbabilities },
        cnn: cnnOnly,
        'laplacian-100': { probability: baseline.probability, typeProbabilities: null },
        ...(whole ? { 'whole-image-cnn': { probability: blurMass, typeProbabilities: wholeTypes } } : {}),
      },
      featuresMs: fused.featuresMs,
      modelMs: fused.modelMs,
    });
    progress.update(rows.length, `${entry.class} -> ${verdictFor(fused.analysis.probability)}`);
  }
  progress.finish();
  const realSharpRows = await judgeRealSharpAsShot(config, analyzer);
  cnn.dispose();
  wholeImage?.dispose();
  const result = { validationDir: validation.dir, rows, realSharpRows, seconds: (performance.now() - started) / 1000 };
  writeFileSync(join(config.outDir, 'evaluate.json'), JSON.stringify(result));
  return result;
}
