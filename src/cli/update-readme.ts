// npm run readme -- [--eval eval-report.json] [--bench bench.json] [--portraits portrait-report.json]
// Rewrites the README's numbers blocks from the JSON that `npm run eval`, `npm run bench` and
// training/face-focus/evaluate-portraits.ts wrote, so the published numbers are always ones a
// command produced.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { staleValidationSet } from '../../training/build-validation-set.ts';

const START = '<!-- numbers:start (written by npm run readme; do not edit by hand) -->';
const END = '<!-- numbers:end -->';
const PORTRAITS_START = '<!-- portraits:start (written by npm run readme; do not edit by hand) -->';
const PORTRAITS_END = '<!-- portraits:end -->';

const pct = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`);

/** Older reports have no interval; show the point estimate alone then. */
const withInterval = (x: number, ci?: [number, number]) => (ci ? `${pct(x)} (${pct(ci[0])} to ${pct(ci[1])})` : pct(x));

function evalTable(report: any): string {
  // The README describes the set build-validation-set makes today; numbers from any other set
  // (someone's own photos, or one an older generator drew) do not belong under that description.
  if (!report.validation_set) throw new Error('eval-report.json is not from a set built by training/build-validation-set.ts (its folder has no manifest.json), and the README describes that set');
  const stale = staleValidationSet(report.validation_set);
  if (stale) throw new Error(`eval-report.json cannot go into the README: ${stale}, then npm run eval -- DIR --out eval-report.json`);
  if (!report.real_sharp) throw new Error('eval-report.json has no real-photo number: run npm run eval -- DIR --real --out eval-report.json');
  if (!report.real_blurred) throw new Error('eval-report.json has no blur caught on real photos: npx tsx training/build-real-blur-set.ts --out /tmp/real-blur, then npm run eval -- DIR --real --real-blur /tmp/real-blur --out eval-report.json');
  if (!report.real_blurred_textbook) throw new Error('eval-report.json has no blur caught on real photos blurred with textbook kernels: npx tsx training/build-textbook-blur-set.ts --out /tmp/textbook-blur, then npm run eval -- DIR --real --real-blur /tmp/real-blur --textbook-blur /tmp/textbook-blur --out eval-report.json');
  const real = report.real_sharp;
  const blurred = report.real_blurred;
  const textbook = report.real_blurred_textbook;
  const rows = [
    ['**sharp kept on real photos** (held out, as shot; 95% interval)', `**${withInterval(real.share, real.ci95)}** (${real.kept} of ${real.n})`, `${withInterval(real.baseline.share, real.baseline.ci95)}`],
    ['**blur caught on real photos** (the same photos blurred by our generator, saved as a camera JPEG; 95% interval)', `**${withInterval(blurred.share, blurred.ci95)}** (${blurred.caught} of ${blurred.n})`, `${withInterval(blurred.baseline.share, blurred.baseline.ci95)}`],
    ['real blurred against real sharp, ranking alone (AUC)', blurred.auc_vs_real_sharp === null ? '—' : blurred.auc_vs_real_sharp.toFixed(3), '—'],
    ['**blur caught on real photos, textbook blur** (the same photos blurred with plain kernels, not our generator; 95% interval)', `**${withInterval(textbook.share, textbook.ci95)}** (${textbook.caught} of ${textbook.n})`, `${withInterval(textbook.baseline.share, textbook.baseline.ci95)}`],
    ['textbook-blurred against real sharp, ranking alone (AUC)', textbook.auc_vs_real_sharp === null ? '—' : textbook.auc_vs_real_sharp.toFixed(3), '—'],
    ['balanced accuracy (95% bootstrap interval)', withInterval(report.balanced_accuracy, report.balanced_accuracy_ci95), withInterval(report.baseline.balanced_accuracy, report.baseline.balanced_accuracy_ci95)],
    ['blurry photos caught (blur recall)', pct(report.blur_recall), pct(report.baseline.blur_recall)],
    ['sharp photos kept', pct(report.sharp_kept), pct(report.baseline.sharp_kept)],
    ['cause named right (motion or out of focus, flagged blurred photos)', pct(report.type_accuracy), '—'],
    ['sharp subject on a soft background kept (bokeh)', report.bokeh_kept ? `${report.bokeh_kept.kept} of ${report.bokeh_kept.n}` : '—', '—'],
    ['expected calibration error', report.expected_calibration_error.toFixed(3), '—'],
  ];
  const perClass = Object.entries(report.per_class as Record<string, { n: number; recall: number }>)
    .map(([c, v]) => `${c} ${pct(v.recall)} (n=${v.n})`)
    .join(', ');
  return [
    `Real photos: ${real.n} held-out sharp photos from ${Object.keys(real.by_collection).length} collections of everyday, low-texture content (../shared/data/sharp-photos-2, never trained on), judged as shot: their own JPEGs, no synthetic pipeline. Per collection: ${Object.entries(real.by_collection as Record<string, { kept: number; n: number }>).map(([c, k]) => `${c} ${k.kept}/${k.n}`).join(', ')}.`,
    '',
    `Real photos blurred: ${blurred.n} copies of those photos (${(blurred.n / real.n).toFixed(0)} per photo), blurred by the generator's kernels at up to twice the working size and saved as a camera JPEG, no phone pipeline (training/build-real-blur-set.ts): our blur on real scenes, not real camera shake or missed focus. ${caughtByKind(blurred)}`,
    '',
    `Real photos, textbook blur: ${textbook.n} copies of the same photos (${(textbook.n / real.n).toFixed(0)} per photo), shrunk to the working size and blurred the way any image tool blurs (a plain Gaussian, a hard-edged disc, a straight line, on sRGB values; training/build-textbook-blur-set.ts): none of our generator's physics, so this row says whether the detector learnt blur or our generator. ${caughtByKind(textbook)}`,
    '',
    `Validation set (synthetic): ${report.n} images (build-validation-set generator ${report.validation_set.generator}, seed ${report.validation_set.seed}); share of each class called right: ${perClass}; detector \`${report.detector}\` on the ${report.backend} backend.`,
    '',
    `| metric | Blur Finder (${report.detector}) | Laplacian variance < 100 |`,
    '|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function caughtByKind(set: any): string {
  const counts = (groups: Record<string, { caught: number; n: number }>) => Object.entries(groups).map(([k, v]) => `${k} ${v.caught}/${v.n}`).join(', ');
  return `Caught by kind: ${counts(set.by_kind)}; by strength: ${counts(set.by_strength)}.`;
}

/** Per-photo stages as the README names them; 'model' includes patch cutting and aggregation. */
const STAGE_LABELS: Record<string, string> = { decodeMs: 'decode', featuresMs: 'features', modelMs: 'model', cnnMs: 'of which CNN inference', faceMs: 'faces', totalMs: 'total' };

function benchTable(bench: any): string {
  return [
    `Headless Chromium, ${bench.photos} generated ${bench.photo_size} JPEGs, ${bench.concurrency} workers, ${bench.backend}; medians of ${bench.repeats} repeats.`,
    '',
    '| measure | value |',
    '|---|---|',
    `| scan throughput | ${bench.photos_per_second} photos/s |`,
    `| decode-only throughput (the worker's own decode step, same concurrency) | ${bench.decode_only_photos_per_second} photos/s |`,
    `| scan / decode ratio | ${bench.ratio} |`,
    `| full-size createImageBitmap decode, for reference | ${bench.full_bitmap_decode_photos_per_second} photos/s (scan / that: ${bench.ratio_vs_full_bitmap_decode}) |`,
    `| per photo in a worker (median ms) | ${Object.entries(bench.per_photo_stage_ms ?? {}).map(([k, v]) => `${STAGE_LABELS[k] ?? k.replace('Ms', '')} ${v}`).join(', ')} |`,
    ...(bench.face_pass
      ? [`| face pass on ${bench.face_pass.photos} real people photos, one at a time (median ms) | ${bench.face_pass.median_ms} (${bench.face_pass.median_ms_with_a_judged_face} with a face big enough to judge, ${bench.face_pass.median_ms_without_faces ?? '—'} with none) |`]
      : []),
    `| time to first verdict from a cold worker (median of 5) | ${bench.time_to_first_verdict_ms} ms${bench.time_to_first_verdict_first_visit_ms ? ` (${bench.time_to_first_verdict_first_visit_ms} ms the first time, with the browser's code cache empty)` : ''} |`,
    `| memory over a ${bench.soak_photos}-photo scan (page + workers) | peak ${bench.peak_memory_mb} MB, growth ratio ${bench.memory_growth_ratio} |`,
  ].join('\n');
}

/** The portrait set's table: what the face pass changes over the frame alone. */
function portraitTable(report: any): string {
  const rows: Array<[string, string, string]> = [
    ['as-shot', 'as shot, kept', ''],
    ['bokeh', 'portrait-mode bokeh, kept', ''],
    ['back-focus', 'back-focused, flagged', `, ${report.backFocusNamed} named "focus missed the subject"`],
    ['soft', 'soft all over, flagged', ''],
  ];
  const cell = (v: { right: number; share: number | null }) => `${v.right} (${v.share === null ? '—' : `${Math.round(100 * v.share)}%`})`;
  return [
    `| ${report.set.part} portraits (${report.set.photos} photos) | with the face pass | frame alone |`,
    '|---|---|---|',
    ...rows.map(([variant, label, extra]) => `| ${label} | ${cell(report.withFaces[variant])}${extra} | ${cell(report.frameOnly[variant])} |`),
  ].join('\n');
}

/** Replaces what lies between `start` and `end` in `text`. */
function replaceBlock(text: string, start: string, end: string, body: string): string {
  const [before, rest] = text.split(start);
  if (rest === undefined) throw new Error(`README.md has no block ${start}`);
  return `${before}${start}\n${body}\n${end}${rest.split(end)[1]}`;
}

function modelLine(): string {
  const dir = 'models/patch-cnn';
  if (!existsSync(`${dir}/model.json`)) return 'Model: not trained yet (the classical `features` detector is used).';
  const model = JSON.parse(readFileSync(`${dir}/model.json`, 'utf8'));
  const bytes = (model.weightsManifest as Array<{ paths: string[] }>)
    .flatMap((g) => g.paths)
    .reduce((s, p) => s + statSync(`${dir}/${p}`).size, 0);
  return `Model: patch CNN weights ${(bytes / 1024).toFixed(0)} KiB (see [models/README.md](models/README.md)).`;
}

function workingResolutionTable(study: any): string {
  const rows = study.table as Array<Record<string, number>>;
  const blurs = ['defocus r3', 'defocus r5', 'gaussian s2', 'motion 10'];
  const best = (row: Record<string, number>, blur: string) =>
    Math.max(...Object.entries(row).filter(([k]) => k.startsWith(`${blur} /`)).map(([, v]) => v)).toFixed(3);
  return [
    `${study.scenes} seeded ${study.source} scenes blurred at full size, shrunk to each long side; best single-feature AUC (1 = a blurred copy always scores below a sharp one) and feature time. Regenerate: \`npx tsx training/measure-working-resolution.ts\`.`,
    '',
    `| long side | features ms | ${blurs.join(' | ')} |`,
    `|---|---|${blurs.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.side} | ${r.median_features_ms} | ${blurs.map((b) => best(r, b)).join(' | ')} |`),
  ].join('\n');
}

const { values } = parseArgs({
  options: {
    eval: { type: 'string', default: 'eval-report.json' },
    bench: { type: 'string', default: 'bench.json' },
    portraits: { type: 'string', default: 'portrait-report.json' },
  },
});
const parts = ['### Accuracy', ''];
parts.push(existsSync(values.eval!) ? evalTable(JSON.parse(readFileSync(values.eval!, 'utf8'))) : '_Run `npm run eval` first._');
parts.push('', '### Speed and memory', '');
parts.push(existsSync(values.bench!) ? benchTable(JSON.parse(readFileSync(values.bench!, 'utf8'))) : '_Run `npm run bench` first._');
parts.push('', modelLine());
if (existsSync('training/working-resolution.json')) {
  parts.push('', '### Working resolution', '', workingResolutionTable(JSON.parse(readFileSync('training/working-resolution.json', 'utf8'))));
}
let readme = replaceBlock(readFileSync('README.md', 'utf8'), START, END, parts.join('\n'));
if (existsSync(values.portraits!)) readme = replaceBlock(readme, PORTRAITS_START, PORTRAITS_END, portraitTable(JSON.parse(readFileSync(values.portraits!, 'utf8'))));
writeFileSync('README.md', readme);
console.log('README numbers updated');
