// npm run eval -- <dir> [--out report.json] [--detector fused|features|laplacian-100]
//                       [--real] [--real-dir DIR] [--real-blur DIR] [--textbook-blur DIR] [--models models]
//                       [--backend wasm|cpu] [--frame-only]
// Runs the app's analysis over <dir>/<class>/<image> (class: sharp, defocus, motion, gaussian;
// other folders are ignored) and reports the chosen detector next to the Laplacian-100 baseline,
// with one row per file (label, probability, verdict, cause) so a miss can be looked at.
// --real also judges the held-out real sharp photos (../shared/data/sharp-photos-2, the part
// training never sees) as shot: "sharp kept on real photos", the number the synthetic set cannot
// give. <dir> may be left out with --real. --real-blur DIR judges the blurred copies of those
// photos that training/build-real-blur-set.ts made: "blur caught on real photos", and with --real
// the AUC of blurred against sharp on the same real scenes. --textbook-blur DIR does the same for
// the copies training/build-textbook-blur-set.ts made with plain kernels (not our generator: did
// the detector learn blur, or our generator?). The face pass runs as in the app (a
// face that decides keeps or flags the photo whatever the frame says); --frame-only leaves it out.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAnalyzer, DETECTOR_NAMES, type Analyzer, type DetectorName } from '../core/analyze.ts';
import { downscaleRgba, toLuma, workingSize } from '../core/image/image.ts';
import type { FaceInput } from '../core/face/analyze-faces.ts';
import { DETECTOR_SIDE } from '../core/face/detect-faces.ts';
import type { LumaImage } from '../core/types.ts';
import { loadFaceModelsNode } from '../node/face.ts';
import { appScore, blurCaughtShare, calledBlurry, detectionMetrics, rankAuc, sharpKeptShare, type CaughtShare, type DetectionMetrics, type KeptShare, type LabelledPrediction } from '../eval/metrics.ts';
import { createProgress } from '../node/progress.ts';
import { judgeFiles, type JudgedFile, type JudgeResult, type LabelledFile } from '../eval/judge-files.ts';
import { PATCH_CLASSES } from '../core/types.ts';
import { WORKING_MAX_SIDE } from '../core/image/working-resolution.ts';
import { loadOpenCvNode } from '../node/opencv.ts';
import { initTfNode, type NodeBackend } from '../node/tf.ts';
import { fileModelReader } from '../node/model-files.ts';
import { loadModels } from '../core/models.ts';
import { toWorkingResolution } from '../node/decode.ts';
import { decodeImageFile, sniffFormat } from '../node/decode-image.ts';
import { decodeJpegForAnalysis } from '../node/jpeg-decoder.ts';
import { DEFAULT_REAL_PHOTOS_DIR, listRealPhotos } from '../../training/data/photos.ts';
import { staleValidationSet, validationSetOf } from '../../training/build-validation-set.ts';

/** Files the app would open (JPEG, PNG, WebP, BMP, GIF), by class folder. */
const IMAGE_FILE = /\.(jpe?g|png|webp|bmp|gif)$/i;

export function listLabelledImages(dir: string): LabelledFile[] {
  const files: LabelledFile[] = [];
  for (const label of PATCH_CLASSES) {
    const classDir = join(dir, label);
    if (!statSync(classDir, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const name of readdirSync(classDir).sort()) {
      if (IMAGE_FILE.test(name)) files.push({ path: join(classDir, name), label });
    }
  }
  return files;
}

export interface RealSharpReport extends KeptShare {
  dir: string;
  detector: DetectorName;
  baseline: KeptShare;
  by_collection: Record<string, KeptShare>;
  files: JudgedFile[];
  errors: JudgeResult['errors'];
}

export interface RealBlurredReport extends CaughtShare {
  dir: string;
  detector: DetectorName;
  baseline: CaughtShare;
  /** By the generator's kind (defocus, shake, subject-motion, gaussian) and strength level. */
  by_kind: Record<string, CaughtShare>;
  by_strength: Record<string, CaughtShare>;
  /** Blurred copies against the real sharp photos as shot (with --real): ranking, no threshold. */
  auc_vs_real_sharp: number | null;
  files: JudgedFile[];
  errors: JudgeResult['errors'];
}

export interface EvalReport extends Partial<DetectionMetrics> {
  detector: DetectorName;
  /** Sharp photos with intentional blur (a sharp subject on a soft background; 'bokeh' in the
   * file name) that were kept; null when the set has none. */
  bokeh_kept: { n: number; kept: number } | null;
  /** Held-out real sharp photos judged as shot (--real); null without. */
  real_sharp: RealSharpReport | null;
  /** Blurred copies of the held-out real photos (--real-blur); null without. */
  real_blurred: RealBlurredReport | null;
  /** The same photos blurred with textbook kernels, not our generator (--textbook-blur); null without. */
  real_blurred_textbook: RealBlurredReport | null;
  backend: string;
  /** Whether the face pass ran, as in the app (false with --frame-only). */
  face_pass: boolean;
  /** How the folder was built, from its manifest.json (build-validation-set); null without one. */
  validation_set: ReturnType<typeof validationSetOf>;
  seconds: number;
  errors: JudgeResult['errors'];
  baseline: (DetectionMetrics & { detector: 'laplacian-100' }) | null;
  /** One row per judged file of <dir>. */
  files: JudgedFile[];
}

/** The shared progress bar (src/node/progress.ts), closed with its elapsed time at the last file. */
function progressOf(label: string, total: number): (done: number) => void {
  const progress = createProgress(label, total);
  return (done) => (done === total ? progress.finish() : progress.update(done));
}

const asPredictions = (judged: readonly JudgedFile[], baseline = false): LabelledPrediction[] =>
  judged.map((j) => (baseline ? { label: j.label, probability: j.baselineProbability, typeProbabilities: null } : { label: j.label, probability: j.probability, typeProbabilities: j.typeProbabilities, faceCall: j.faceCall }));

type Decode = (path: string) => Promise<{ luma: LumaImage; faces?: FaceInput }>;

async function judgeRealSharp(analyzer: Analyzer, detector: DetectorName, realDir: string, decode: Decode): Promise<RealSharpReport> {
  const heldOut = listRealPhotos(realDir).filter((p) => p.split === 'validation');
  if (heldOut.length === 0) throw new Error(`No held-out real photos under ${realDir}`);
  const collection = new Map(heldOut.map((p) => [p.path, p.category]));
  const { judged, errors } = await judgeFiles(analyzer, heldOut.map((p) => ({ path: p.path, label: 'sharp' })), detector, decode, progressOf('real sharp photos, as shot', heldOut.length));
  const byCollection: Record<string, KeptShare> = {};
  for (const c of [...new Set(collection.values())].sort()) {
    byCollection[c] = sharpKeptShare(judged.filter((j) => collection.get(j.file) === c));
  }
  return {
    dir: realDir,
    detector,
    ...sharpKeptShare(judged),
    baseline: sharpKeptShare(judged.map((j) => ({ probability: j.baselineProbability }))),
    by_collection: byCollection,
    files: judged,
    errors,
  };
}

/** Kind and strength from a blurred copy's file name (`<photo>-<k>-<kind>-<level>.jpg`, as both
 * build-real-blur-set and build-textbook-blur-set name them). */
const REAL_BLUR_NAME = /-(defocus|shake|subject-motion|gaussian)-(mild|medium|heavy)\.[a-z]+$/i;

/** Who made a set of blurred copies of the held-out photos, for eval's messages. */
const REAL_BLUR_BUILDERS = {
  generator: { label: 'real photos, blurred copies', script: 'training/build-real-blur-set.ts' },
  textbook: { label: 'real photos, textbook blur', script: 'training/build-textbook-blur-set.ts' },
} as const;

async function judgeRealBlurred(analyzer: Analyzer, detector: DetectorName, dir: string, decode: Decode, realSharp: RealSharpReport | null, builder: keyof typeof REAL_BLUR_BUILDERS): Promise<RealBlurredReport> {
  const { label, script } = REAL_BLUR_BUILDERS[builder];
  const files = listLabelledImages(dir).filter((f) => f.label !== 'sharp');
  if (files.length === 0) throw new Error(`No blurred copies under ${dir}: make them with npx tsx ${script} --out ${dir}`);
  const { judged, errors } = await judgeFiles(analyzer, files, detector, decode, progressOf(label, files.length));
  const groupBy = (part: 1 | 2) => {
    const groups: Record<string, JudgedFile[]> = {};
    for (const j of judged) (groups[REAL_BLUR_NAME.exec(j.file)?.[part] ?? 'unnamed'] ??= []).push(j);
    return Object.fromEntries(Object.entries(groups).sort().map(([k, v]) => [k, blurCaughtShare(v)]));
  };
  return {
    dir,
    detector,
    ...blurCaughtShare(judged),
    baseline: blurCaughtShare(judged.map((j) => ({ probability: j.baselineProbability }))),
    by_kind: groupBy(1),
    by_strength: groupBy(2),
    auc_vs_real_sharp: realSharp ? rankAuc(judged.map(appScore), realSharp.files.map(appScore)) : null,
    files: judged,
    errors,
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      detector: { type: 'string' },
      real: { type: 'boolean', default: false },
      'real-dir': { type: 'string' },
      'real-blur': { type: 'string' },
      'textbook-blur': { type: 'string' },
      models: { type: 'string', default: 'models' },
      backend: { type: 'string', default: 'wasm' },
      'frame-only': { type: 'boolean', default: false },
    },
  });
  const dir = positionals[0];
  const realDir = values['real-dir'] ?? (values.real ? DEFAULT_REAL_PHOTOS_DIR : undefined);
  const realBlurDir = values['real-blur'];
  const textbookBlurDir = values['textbook-blur'];
  if (!dir && !realDir && !realBlurDir && !textbookBlurDir) throw new Error('usage: npm run eval -- <dir> [--real] [--real-blur DIR] [--textbook-blur DIR] [--out report.json] [--detector NAME]');
  const started = Date.now();
  const backend = await initTfNode(values.backend as NodeBackend);
  const cv = await loadOpenCvNode();
  const facePass = !values['frame-only'];
  const analyzer = createAnalyzer(cv, { ...(await loadModels(fileModelReader(resolve(values.models!)))), ...(facePass ? { faces: loadFaceModelsNode() } : {}) });
  const decode: Decode = (path) => decodeAsTheApp(path, facePass);
  const detector = (values.detector ?? analyzer.bestDetector) as DetectorName;
  if (!DETECTOR_NAMES.includes(detector)) throw new Error(`Unknown detector '${detector}' (one of ${DETECTOR_NAMES.join(', ')})`);

  const files = dir ? listLabelledImages(resolve(dir)) : [];
  if (dir && files.length === 0) throw new Error(`No labelled images under ${dir}/{${PATCH_CLASSES.join(',')}}/`);
  const validationSet = dir ? validationSetOf(resolve(dir)) : null;
  const stale = validationSet && staleValidationSet(validationSet);
  if (stale) console.error(`warning: these numbers cannot be compared with the README's: ${stale}`);
  const { judged, errors } = await judgeFiles(analyzer, files, detector, decode, progressOf('validation images', files.length));
  const bokeh = judged.filter((j) => j.label === 'sharp' && /bokeh/i.test(j.file));
  const realSharp = realDir ? await judgeRealSharp(analyzer, detector, resolve(realDir), decode) : null;
  const report: EvalReport = {
    ...(dir ? detectionMetrics(asPredictions(judged)) : {}),
    detector,
    bokeh_kept: bokeh.length ? { n: bokeh.length, kept: bokeh.filter((j) => !calledBlurry(j)).length } : null,
    real_sharp: realSharp,
    real_blurred: realBlurDir ? await judgeRealBlurred(analyzer, detector, resolve(realBlurDir), decode, realSharp, 'generator') : null,
    real_blurred_textbook: textbookBlurDir ? await judgeRealBlurred(analyzer, detector, resolve(textbookBlurDir), decode, realSharp, 'textbook') : null,
    backend,
    face_pass: facePass,
    validation_set: validationSet,
    seconds: (Date.now() - started) / 1000,
    errors,
    baseline: dir ? { ...detectionMetrics(asPredictions(judged, true)), detector: 'laplacian-100' } : null,
    files: judged.map((j) => ({ ...j, file: relative(process.cwd(), j.file) })),
  };
  const json = JSON.stringify(report, null, 2);
  if (values.out) writeFileSync(values.out, json + '\n');
  else console.log(json);
  const summary = [
    dir ? `${detector}: balanced accuracy ${pct(report.balanced_accuracy!)}, blur caught ${pct(report.blur_recall!)}, sharp kept ${pct(report.sharp_kept!)}, cause right ${pct(report.type_accuracy ?? NaN)} (${judged.length} images)` : '',
    report.real_sharp ? `${detector}: sharp kept on real photos ${pct(report.real_sharp.share)} (${report.real_sharp.kept} of ${report.real_sharp.n}); laplacian-100 ${pct(report.real_sharp.baseline.share)}` : '',
    report.real_blurred ? caughtLine(detector, 'blurred by the generator', report.real_blurred) : '',
    report.real_blurred_textbook ? caughtLine(detector, 'blurred with textbook kernels', report.real_blurred_textbook) : '',
  ].filter(Boolean);
  for (const line of summary) console.error(line);
}

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : 'n/a');

const caughtLine = (detector: DetectorName, how: string, set: RealBlurredReport) =>
  `${detector}: blur caught on real photos ${how} ${pct(set.share)} (${set.caught} of ${set.n}); laplacian-100 ${pct(set.baseline.share)}${set.auc_vs_real_sharp !== null ? `; AUC against real sharp ${set.auc_vs_real_sharp.toFixed(3)}` : ''}`;

/** The app's pixels: JPEGs through the worker's own decoder (libjpeg-turbo wasm, luma at working
 * size; the face detector's colour copy from its reduced-scale colour decode); other formats
 * decoded, taken to working size (area downscale, never up), luma, and shrunk for the detector. */
async function decodeAsTheApp(path: string, withFaces: boolean): Promise<{ luma: LumaImage; faces?: FaceInput }> {
  const bytes = new Uint8Array(await readFile(path));
  if (sniffFormat(bytes.subarray(0, 16)) === 'jpeg') {
    const { luma, preview } = decodeJpegForAnalysis(bytes, WORKING_MAX_SIDE, path, withFaces ? DETECTOR_SIDE : undefined);
    return preview ? { luma, faces: { small: preview } } : { luma };
  }
  const rgba = toWorkingResolution(await decodeImageFile(path), WORKING_MAX_SIDE);
  const small = workingSize(rgba.width, rgba.height, DETECTOR_SIDE);
  return { luma: toLuma(rgba), ...(withFaces ? { faces: { small: downscaleRgba(rgba, small.width, small.height) } } : {}) };
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
