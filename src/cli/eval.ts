// npm run eval -- <dir> [--out report.json] [--detector fused|features|laplacian-100]
//                       [--models models] [--backend wasm|cpu]
// Runs the app's analysis over <dir>/<class>/<image> (class: sharp, defocus, motion, gaussian;
// other folders are ignored) and reports the chosen detector next to the Laplacian-100 baseline.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAnalyzer, DETECTOR_NAMES, type DetectorName } from '../core/analyze.ts';
import { toLuma } from '../core/image/image.ts';
import { detectionMetrics, type LabelledPrediction, type DetectionMetrics } from '../eval/metrics.ts';
import { PATCH_CLASSES, type PatchClass } from '../core/types.ts';
import { WORKING_MAX_SIDE } from '../core/image/working-resolution.ts';
import { DEFAULT_THRESHOLD } from '../core/fusion/verdict.ts';
import { loadOpenCvNode } from '../node/opencv.ts';
import { initTfNode, type NodeBackend } from '../node/tf.ts';
import { fileModelReader } from '../node/model-files.ts';
import { loadModels } from '../core/models.ts';
import { decodeJpegFile, toWorkingResolution } from '../node/decode.ts';
import { staleValidationSet, validationSetOf } from '../../training/build-validation-set.ts';

export interface LabelledFile {
  path: string;
  label: PatchClass;
}

export function listLabelledImages(dir: string): LabelledFile[] {
  const files: LabelledFile[] = [];
  for (const label of PATCH_CLASSES) {
    const classDir = join(dir, label);
    if (!statSync(classDir, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const name of readdirSync(classDir).sort()) {
      if (/\.jpe?g$/i.test(name)) files.push({ path: join(classDir, name), label });
    }
  }
  return files;
}

export interface EvalReport extends DetectionMetrics {
  detector: DetectorName;
  /** Sharp photos with intentional blur (a sharp subject on a soft background; 'bokeh' in the
   * file name) that were kept; null when the set has none. */
  bokeh_kept: { n: number; kept: number } | null;
  backend: string;
  /** How the folder was built, from its manifest.json (build-validation-set); null without one. */
  validation_set: ReturnType<typeof validationSetOf>;
  seconds: number;
  errors: Array<{ file: string; error: string }>;
  baseline: DetectionMetrics & { detector: 'laplacian-100' };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      detector: { type: 'string' },
      models: { type: 'string', default: 'models' },
      backend: { type: 'string', default: 'wasm' },
    },
  });
  const dir = positionals[0];
  if (!dir) throw new Error('usage: npm run eval -- <dir> [--out report.json] [--detector NAME]');
  const started = Date.now();
  const backend = await initTfNode(values.backend as NodeBackend);
  const cv = await loadOpenCvNode();
  const analyzer = createAnalyzer(cv, await loadModels(fileModelReader(resolve(values.models!))));
  const detector = (values.detector ?? analyzer.bestDetector) as DetectorName;
  if (!DETECTOR_NAMES.includes(detector)) throw new Error(`Unknown detector '${detector}' (one of ${DETECTOR_NAMES.join(', ')})`);

  const files = listLabelledImages(resolve(dir));
  if (files.length === 0) throw new Error(`No labelled JPEGs under ${dir}/{${PATCH_CLASSES.join(',')}}/`);
  const validationSet = validationSetOf(resolve(dir));
  const stale = validationSet && staleValidationSet(validationSet);
  if (stale) console.error(`warning: these numbers cannot be compared with the README's: ${stale}`);
  const predictions: LabelledPrediction[] = [];
  let bokeh = { n: 0, kept: 0 };
  const base: LabelledPrediction[] = [];
  const errors: EvalReport['errors'] = [];
  for (const [i, file] of files.entries()) {
    try {
      const luma = toLuma(toWorkingResolution(decodeJpegFile(file.path), WORKING_MAX_SIDE));
      const a = (await analyzer.analyze(luma, { detector })).analysis;
      predictions.push({ label: file.label, probability: a.probability, typeProbabilities: a.typeProbabilities });
      if (file.label === 'sharp' && /bokeh/i.test(file.path)) {
        bokeh = { n: bokeh.n + 1, kept: bokeh.kept + (a.probability < DEFAULT_THRESHOLD ? 1 : 0) };
      }
      const b = (await analyzer.analyze(luma, { detector: 'laplacian-100' })).analysis;
      base.push({ label: file.label, probability: b.probability, typeProbabilities: null });
    } catch (error) {
      errors.push({ file: file.path, error: error instanceof Error ? error.message : String(error) });
    }
    if (process.stderr.isTTY) process.stderr.write(`\r${i + 1}/${files.length}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  const report: EvalReport = {
    ...detectionMetrics(predictions),
    detector,
    bokeh_kept: bokeh.n ? bokeh : null,
    backend,
    validation_set: validationSet,
    seconds: (Date.now() - started) / 1000,
    errors,
    baseline: { ...detectionMetrics(base), detector: 'laplacian-100' },
  };
  const json = JSON.stringify(report, null, 2);
  console.log(json);
  if (values.out) writeFileSync(values.out, json + '\n');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
