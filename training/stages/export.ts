// Stage 'export': copies the trained patch CNN and the heads into models/ (the app's files),
// proves the exported files load and predict through the same loader `npm run eval` uses,
// measures size and latency, and regenerates models/README.md from the run's report.
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createAnalyzer } from '../../src/core/analyze.ts';
import { predictPatches } from '../../src/core/cnn/cnn.ts';
import { extractPatches } from '../../src/core/cnn/patches.ts';
import { fileModelReader } from '../../src/node/model-files.ts';
import { loadModels } from '../../src/core/models.ts';
import { loadOpenCvNode } from '../../src/node/opencv.ts';
import type { RunConfig } from '../config.ts';
import { REPO_ROOT } from '../data/photos.ts';
import { renderModelCard } from '../report/model-card.ts';
import { median } from '../report/summary.ts';
import { readReport } from '../report/report.ts';
import { ensureValidationSet, loadWorkingLuma } from './data.ts';
import type { ExportResult } from './export-result.ts';

function copyDir(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) copyFileSync(join(from, name), join(to, name));
}

async function timeMedian(runs: number, body: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await body();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function runExportStage(config: RunConfig): Promise<ExportResult> {
  const dir = config.modelsDir;
  copyDir(join(config.outDir, 'cnn', 'model'), join(dir, 'patch-cnn'));
  copyFileSync(join(config.outDir, 'threshold', 'fusion.json'), join(dir, 'fusion.json'));
  copyFileSync(join(config.outDir, 'threshold', 'features-head.json'), join(dir, 'features-head.json'));

  // Load back exactly as eval does and check the answers are well-formed on a real image.
  const models = await loadModels(fileModelReader(dir));
  if (!models.cnn || !models.fusion || !models.featuresHead) throw new Error(`export: ${dir} did not load completely`);
  const validation = await ensureValidationSet(config);
  const luma = loadWorkingLuma(join(validation.dir, validation.manifest.files[0]!.file));
  const patches = extractPatches(luma, { maxPatches: 48 });
  const probs = await predictPatches(models.cnn, patches);
  for (let i = 0; i < patches.n; i++) {
    const sum = probs[i * 4]! + probs[i * 4 + 1]! + probs[i * 4 + 2]! + probs[i * 4 + 3]!;
    if (!(Math.abs(sum - 1) < 1e-3)) throw new Error(`export: patch ${i} probabilities sum to ${sum}`);
  }
  const cv = await loadOpenCvNode();
  const analyzer = createAnalyzer(cv, models);
  const fused = (await analyzer.analyze(luma, { detector: 'fused' })).analysis;
  if (!(fused.probability >= 0 && fused.probability <= 1)) throw new Error(`export: fused probability ${fused.probability}`);

  // 48 patches of a 1600x1200 frame is the app's per-photo load; time exactly that.
  const frame = { width: 1600, height: 1200, data: new Float32Array(1600 * 1200) };
  for (let y = 0; y < frame.height; y++) for (let x = 0; x < frame.width; x++) frame.data[y * frame.width + x] = luma.data[(y % luma.height) * luma.width + (x % luma.width)]!;
  const framePatches = extractPatches(frame);
  const cnnMs48 = await timeMedian(20, () => predictPatches(models.cnn!, framePatches));
  const analyzeFusedMs = await timeMedian(5, () => analyzer.analyze(frame, { detector: 'fused' }));
  models.cnn.dispose();

  const files = readdirSync(join(dir, 'patch-cnn')).map((f) => `patch-cnn/${f}`).concat(['fusion.json', 'features-head.json']);
  const cnnBytes = readdirSync(join(dir, 'patch-cnn')).reduce((s, f) => s + statSync(join(dir, 'patch-cnn', f)).size, 0);
  const result: ExportResult = { modelsDir: relative(REPO_ROOT, dir) || dir, cnnBytes, files, cnnMs48, analyzeFusedMs };
  const report = readReport(config);
  writeFileSync(join(dir, 'README.md'), renderModelCard(config, result, report));
  writeFileSync(join(config.outDir, 'export.json'), JSON.stringify(result, null, 1));
  return result;
}
