// Stage 'evaluate': every detector on the same held-out validation images. 'fused', 'features'
// and 'laplacian-100' go through the app's own analyzer (src/core/analyze.ts), so these are the
// app's numbers; 'cnn' (CNN features only) and the whole-image ablation reuse the same decode.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer, type DetectorName } from '../../src/core/analyze.ts';
import { predictPatches } from '../../src/core/cnn/cnn.ts';
import { fuseScores, type FusionParams } from '../../src/core/fusion/head.ts';
import { BLUR_TYPES, type BlurType, type PatchClass } from '../../src/core/types.ts';
import { verdictFor } from '../../src/core/fusion/verdict.ts';
import { loadLayersModelFromDir } from '../../src/node/model-files.ts';
import { loadOpenCvNode } from '../../src/node/opencv.ts';
import type { RunConfig } from '../config.ts';
import { createProgress } from '../progress.ts';
import { squeezeLuma } from '../whole-image-cnn.ts';
import { ensureValidationSet, loadWorkingLuma } from './data.ts';

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
  outputs: Record<EvalDetector, DetectorOutput>;
  /** App timings of the fused analysis (features, CNN incl. patches) in ms. */
  featuresMs: number;
  modelMs: number;
}

export interface EvaluateStageResult {
  validationDir: string;
  rows: EvalRow[];
  seconds: number;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

export async function runEvaluateStage(config: RunConfig): Promise<EvaluateStageResult> {
  const started = performance.now();
  const validation = await ensureValidationSet(config);
  const cv = await loadOpenCvNode();
  const cnn = await loadLayersModelFromDir(join(config.outDir, 'cnn', 'model'));
  const wholeImage = await loadLayersModelFromDir(join(config.outDir, 'cnn', 'whole-image'));
  const wholeSize = wholeImage.inputs[0]!.shape[1]!;
  const fusion = readJson<FusionParams>(join(config.outDir, 'fuse', 'fusion.json'));
  const featuresHead = readJson<FusionParams>(join(config.outDir, 'fuse', 'features-head.json'));
  const cnnHead = readJson<FusionParams>(join(config.outDir, 'fuse', 'cnn-head.json'));
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
    const whole = await predictPatches(wholeImage, { n: 1, size: wholeSize, data: squeezeLuma(luma, wholeSize) });
    const blurMass = 1 - whole[0]!;
    const wholeTypes = Object.fromEntries(BLUR_TYPES.map((t, i) => [t, blurMass > 0 ? whole[i + 1]! / blurMass : 1 / 3])) as Record<BlurType, number>;
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
        'whole-image-cnn': { probability: blurMass, typeProbabilities: wholeTypes },
      },
      featuresMs: fused.featuresMs,
      modelMs: fused.modelMs,
    });
    progress.update(rows.length, `${entry.class} -> ${verdictFor(fused.analysis.probability)}`);
  }
  progress.finish();
  cnn.dispose();
  wholeImage.dispose();
  const result = { validationDir: validation.dir, rows, seconds: (performance.now() - started) / 1000 };
  writeFileSync(join(config.outDir, 'evaluate.json'), JSON.stringify(result));
  return result;
}
