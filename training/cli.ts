// npm run train [-- --stage data|cnn|fuse|threshold|evaluate|export] [--photos DIR] [--out DIR] [--quick|--reduced]
//                  [--seed N] [--backend wasm|cpu] [--imbalance-ablation] [--train-cnn] [--synthetic-only]
//                  [--whole-image-ablation]
// Runs the training pipeline: data -> cnn -> fuse -> threshold -> evaluate -> export. Every stage reads what
// the previous ones left in --out, so any stage can be re-run alone. --quick is a 1-2 minute smoke
// run (tiny data; checks the loss falls and the exported model loads and predicts) that writes to
// training/out/quick by default and exports to <out>/models instead of models/. --reduced is the
// full run's data with one L2 trial per head layer (fuse ~4x faster in its head fitting), for
// comparing two ideas; it writes to training/out/reduced and exports to <out>/models too.
// --imbalance-ablation also trains the CNN without class weights (same data and budget) so the
// report shows what the weighting buys (+~8 min).
// A full run fits the heads on the shipped patch CNN, frozen (~40 min); --train-cnn trains the CNN
// too (+~60 min: its images ~28, the CNN ~26), and --synthetic-only leaves the real photos out (the
// shipped CNN's recipe). --whole-image-ablation also trains the seed project's whole-image CNN for
// the report's comparison (+~40 min; always on in --quick).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeConfig, type RunConfig } from './config.ts';
import { initTrainingBackend } from './tf-backend.ts';
import { runDataStage, loadDataManifest } from './stages/data.ts';
import { runCnnStage, type CnnStageResult } from './stages/cnn.ts';
import { runFuseStage, type FuseStageResult } from './stages/fuse.ts';
import { runThresholdStage, type OperatingPoint } from './stages/threshold.ts';
import { runEvaluateStage } from './stages/evaluate.ts';
import { runExportStage } from './stages/export.ts';
import { buildReport, writeReport } from './report/report.ts';
import { keptText } from './report/real-sharp.ts';

export const STAGES = ['data', 'cnn', 'fuse', 'threshold', 'evaluate', 'export'] as const;
export type Stage = (typeof STAGES)[number];

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

function recordSeconds(config: RunConfig, stage: Stage, seconds: number): Record<string, number> {
  const path = join(config.outDir, 'stage-seconds.json');
  const times = existsSync(path) ? readJson<Record<string, number>>(path) : {};
  times[stage] = seconds;
  writeFileSync(path, JSON.stringify(times, null, 1));
  return times;
}

async function runStage(stage: Stage, config: RunConfig, command: string): Promise<void> {
  const started = performance.now();
  process.stderr.write(`\n== stage ${stage} ==\n`);
  switch (stage) {
    case 'data':
      await runDataStage(config);
      break;
    case 'cnn': {
      const result = await runCnnStage(config);
      const h = result.weighted.history;
      // The smoke run's promise: training does something. A loss that does not fall is a bug.
      if (config.quick && h.length > 0 && !(h[h.length - 1]!.loss < h[0]!.loss)) {
        throw new Error(`cnn: loss did not fall (${h[0]!.loss.toFixed(4)} -> ${h[h.length - 1]!.loss.toFixed(4)})`);
      }
      break;
    }
    case 'fuse':
      await runFuseStage(config);
      break;
    case 'threshold':
      await runThresholdStage(config);
      break;
    case 'evaluate': {
      const evaluation = await runEvaluateStage(config);
      const seconds = recordSeconds(config, stage, (performance.now() - started) / 1000);
      const report = buildReport(
        config,
        command,
        loadDataManifest(config),
        readJson<CnnStageResult>(join(config.outDir, 'cnn', 'result.json')),
        readJson<FuseStageResult>(join(config.outDir, 'fuse', 'result.json')),
        evaluation,
        seconds,
        existsSync(join(config.outDir, 'threshold', 'result.json')) ? readJson<{ points: OperatingPoint[] }>(join(config.outDir, 'threshold', 'result.json')).points : [],
      );
      writeReport(config, report);
      process.stderr.write(`[evaluate] report: ${join(config.outDir, 'report.html')}\n`);
      for (const d of report.detectors) {
        process.stderr.write(`  ${d.detector.padEnd(16)} balanced accuracy ${(100 * d.metrics.balanced_accuracy).toFixed(1)}%  ECE(gallery) ${d.eceGalleryMix.toFixed(3)}\n`);
      }
      for (const r of report.realSharp) process.stderr.write(`  ${r.detector.padEnd(16)} sharp kept on real photos ${keptText(r.kept)}\n`);
      return;
    }
    case 'export': {
      const result = await runExportStage(config);
      process.stderr.write(`[export] ${result.files.length} files in ${result.modelsDir}; CNN ${(result.cnnBytes / 1024).toFixed(0)} KB, ${result.cnnMs48.toFixed(1)} ms per 48 patches\n`);
      break;
    }
  }
  recordSeconds(config, stage, (performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      stage: { type: 'string' },
      photos: { type: 'string' },
      out: { type: 'string' },
      quick: { type: 'boolean', default: false },
      reduced: { type: 'boolean', default: false },
      seed: { type: 'string' },
      backend: { type: 'string', default: 'wasm' },
      'imbalance-ablation': { type: 'boolean', default: false },
      'train-cnn': { type: 'boolean', default: false },
      'synthetic-only': { type: 'boolean', default: false },
      'whole-image-ablation': { type: 'boolean', default: false },
    },
  });
  if (values.stage !== undefined && !STAGES.includes(values.stage as Stage)) {
    throw new Error(`--stage must be one of ${STAGES.join(', ')}`);
  }
  if (values.backend !== 'wasm' && values.backend !== 'cpu') throw new Error('--backend must be wasm or cpu');
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  const config = makeConfig({
    quick: values.quick,
    reduced: values.reduced,
    ...(seed !== undefined ? { seed } : {}),
    ...(values.photos ? { photosDir: values.photos } : {}),
    ...(values.out ? { outDir: values.out } : {}),
    backend: values.backend,
    imbalanceAblation: values['imbalance-ablation'],
    trainCnn: values['train-cnn'],
    syntheticOnly: values['synthetic-only'],
    wholeImageAblation: values['whole-image-ablation'],
  });
  mkdirSync(config.outDir, { recursive: true });
  const command = ['npm run train', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  await initTrainingBackend(config.backend);
  const stages = values.stage ? [values.stage as Stage] : STAGES;
  const started = performance.now();
  for (const stage of stages) await runStage(stage, config, command);
  process.stderr.write(`\ndone in ${((performance.now() - started) / 60000).toFixed(1)} min\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
