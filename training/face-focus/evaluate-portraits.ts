// Runs the app's analysis, face pass included, over a portrait set (build-portrait-set.ts) and
// reports what a person cares about: sharp portraits kept (as shot and portrait mode), back-focused
// and soft ones flagged, next to the frame alone.
//   npx tsx training/face-focus/evaluate-portraits.ts DIR [--out report.json] [--models models]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createAnalyzer } from '../../src/core/analyze.ts';
import { DETECTOR_SIDE } from '../../src/core/face/detect-faces.ts';
import { decidingReading, subjectVerdict, type SubjectCause } from '../../src/core/face/subject-focus.ts';
import { verdictFor } from '../../src/core/fusion/verdict.ts';
import { WORKING_MAX_SIDE } from '../../src/core/image/working-resolution.ts';
import type { Verdict } from '../../src/core/types.ts';
import { decodeJpegForAnalysis } from '../../src/node/jpeg-decoder.ts';
import { loadFaceModelsNode } from '../../src/node/face.ts';
import { fileModelReader } from '../../src/node/model-files.ts';
import { loadModels } from '../../src/core/models.ts';
import { loadOpenCvNode } from '../../src/node/opencv.ts';
import { initTfNode } from '../../src/node/tf.ts';
import { PORTRAIT_VARIANTS, type PortraitVariant } from './portrait-variants.ts';
import type { PortraitManifest } from './build-portrait-set.ts';

export interface PortraitReading {
  file: string;
  variant: PortraitVariant;
  expected: 'keep' | 'flag';
  frameProbability: number;
  frameVerdict: Verdict;
  verdict: Verdict;
  cause: SubjectCause | null;
  faces: number;
  faceSharpness: number | null;
  backgroundSharp: boolean | null;
  faceMs: number;
}

/** Share of a variant's images the person would be happy with: kept (not blurry) or flagged (blurry). */
export function summarise(readings: readonly PortraitReading[], verdictOf: (r: PortraitReading) => Verdict) {
  return Object.fromEntries(
    PORTRAIT_VARIANTS.map((variant) => {
      const rows = readings.filter((r) => r.variant === variant);
      const right = rows.filter((r) => (verdictOf(r) === 'blurry') === (r.expected === 'flag')).length;
      return [variant, { n: rows.length, right, share: rows.length ? right / rows.length : null }];
    }),
  );
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, models: { type: 'string', default: 'models' } } });
  const dir = positionals[0];
  if (!dir) throw new Error('usage: evaluate-portraits.ts DIR [--out report.json]');
  await initTfNode('wasm');
  const cv = await loadOpenCvNode();
  const analyzer = createAnalyzer(cv, { ...(await loadModels(fileModelReader(resolve(values.models!)))), faces: loadFaceModelsNode() });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as PortraitManifest;
  const readings: PortraitReading[] = [];
  for (const [i, entry] of manifest.files.entries()) {
    // As the worker and eval: working luma and the detector's small colour copy, both from
    // libjpeg-turbo (the copy from its fast scaled decode), from one read of the file.
    const path = join(dir, entry.file);
    const { luma, preview } = decodeJpegForAnalysis(new Uint8Array(readFileSync(path)), WORKING_MAX_SIDE, path, DETECTOR_SIDE);
    const result = await analyzer.analyze(luma, { faces: { small: preview! } });
    const a = result.analysis;
    const frameVerdict = verdictFor(a.probability);
    readings.push({
      file: entry.file,
      variant: entry.variant,
      expected: entry.expected,
      frameProbability: a.probability,
      frameVerdict,
      verdict: a.verdict,
      cause: subjectVerdict(frameVerdict, a.subject).cause,
      faces: a.subject?.faces.length ?? 0,
      faceSharpness: decidingReading(a.subject)?.sharpness ?? null,
      backgroundSharp: a.subject?.backgroundSharp ?? null,
      faceMs: result.faceMs,
    });
    if (process.stderr.isTTY) process.stderr.write(`\r${i + 1}/${manifest.files.length}`);
  }
  const report = {
    set: { dir: resolve(dir), part: manifest.part, seed: manifest.seed, photos: manifest.files.length / PORTRAIT_VARIANTS.length, skipped: manifest.skipped.length },
    withFaces: summarise(readings, (r) => r.verdict),
    frameOnly: summarise(readings, (r) => r.frameVerdict),
    backFocusNamed: readings.filter((r) => r.variant === 'back-focus' && r.cause === 'focus-missed').length,
    readings,
  };
  console.log(JSON.stringify({ ...report, readings: undefined }, null, 2));
  if (values.out) writeFileSync(values.out, JSON.stringify(report, null, 1) + '\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
