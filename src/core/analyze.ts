// One path from a luma image to an Analysis, shared by the worker, training's evaluate stage
// and `npm run eval`. Detectors are named so reports can compare them on the same images.
import type { OpenCv } from './image/opencv-types.ts';
import { likeliestType, type Analysis, type BlurType, type FeatureVector, type LumaImage, type RegionMap } from './types.ts';
import { extractFeatures } from './features/features.ts';
import { laplacian100 } from './features/baseline.ts';
import { blurAwareEdges, type CannyEdges } from './features/canny.ts';
import { patchFeatures } from './cnn/patch-features.ts';
import { fuseScores } from './fusion/head.ts';
import { verdictFor } from './fusion/verdict.ts';
import type { Models } from './models.ts';
import { analyzeFaces, type FaceInput } from './face/analyze-faces.ts';
import { subjectVerdict } from './face/subject-focus.ts';

export type DetectorName = 'fused' | 'features' | 'laplacian-100';
export const DETECTOR_NAMES: readonly DetectorName[] = ['fused', 'features', 'laplacian-100'];

export interface AnalyzeRequest {
  detector?: DetectorName;
  sourceWidth?: number;
  sourceHeight?: number;
  /** The photo in colour for the face pass (src/core/face); without it faces are not looked for. */
  faces?: FaceInput;
}

export interface AnalyzeResult {
  analysis: Analysis;
  featuresMs: number;
  /** Patch cutting, CNN, aggregation and spectrum features ('fused' only). */
  modelMs: number;
  /** The CNN's inference alone, within modelMs: the step the 30 ms model budget is about. */
  cnnMs: number;
  /** The face pass (detection, landmarks, face sharpness); 0 when it did not run. */
  faceMs: number;
}

export interface Analyzer {
  bestDetector: DetectorName;
  available: DetectorName[];
  analyze(luma: LumaImage, request?: AnalyzeRequest): Promise<AnalyzeResult>;
  /** The blur-aware edge map the viewer overlays (no Gaussian pre-smoothing on a blurry photo). */
  edges(luma: LumaImage, options?: { alreadyBlurry?: boolean }): CannyEdges;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The seed baseline as a probability: a soft step at variance 100 (verdict flips exactly there). */
function baselineProbability(variance: number): number {
  return 1 / (1 + Math.exp(3 * (Math.log(Math.max(variance, 1e-6)) - Math.log(100))));
}

/** An analyzer over opencv.js and a model bundle (loadModels); it offers the detectors the bundle allows. */
export function createAnalyzer(cv: OpenCv, models: Models = {}): Analyzer {
  const available: DetectorName[] = [];
  if (models.cnn && models.fusion) available.push('fused');
  if (models.featuresHead) available.push('features');
  available.push('laplacian-100');
  const bestDetector = available[0];

  async function analyze(luma: LumaImage, request: AnalyzeRequest = {}): Promise<AnalyzeResult> {
    const detector = request.detector ?? bestDetector;
    if (!available.includes(detector)) throw new Error(`Detector '${detector}' needs a model that is not loaded.`);
    const t0 = now();
    let features: FeatureVector;
    let regions: RegionMap;
    let probability: number;
    let types: Record<BlurType, number> | null = null;
    let modelMs = 0;
    let cnnMs = 0;
    if (detector === 'laplacian-100') {
      const base = laplacian100(cv, luma);
      const extracted = extractFeatures(cv, luma);
      features = { ...extracted.features, baselineVariance: base.variance };
      regions = extracted.regions;
      probability = baselineProbability(base.variance);
    } else {
      const extracted = extractFeatures(cv, luma);
      regions = extracted.regions;
      features = extracted.features;
      if (detector === 'fused') {
        const t1 = now();
        const evidence = await patchFeatures(models.cnn!, luma, regions);
        cnnMs = evidence.cnnMs;
        features = { ...features, ...evidence.features };
        regions = evidence.regions;
        modelMs = now() - t1;
      }
      const fused = fuseScores(detector === 'fused' ? models.fusion! : models.featuresHead!, features);
      probability = fused.probability;
      types = fused.typeProbabilities;
    }
    const featuresMs = now() - t0 - modelMs;
    let subject = null;
    let faceMs = 0;
    if (models.faces && request.faces) {
      const t3 = now();
      subject = await analyzeFaces(models.faces, request.faces, luma, regions, probability);
      faceMs = now() - t3;
    }
    // The frame's verdict, then what the faces say about it (one rule: face/subject-focus.ts).
    const verdict = subjectVerdict(verdictFor(probability), subject).verdict;
    const analysis: Analysis = {
      detector,
      probability,
      verdict,
      // The internal 3-way type; people are told the cause (causeFor in fusion/verdict.ts).
      blurType: verdict === 'sharp' || !types ? null : likeliestType(types),
      typeProbabilities: types,
      regions,
      features,
      width: luma.width,
      height: luma.height,
      sourceWidth: request.sourceWidth ?? luma.width,
      sourceHeight: request.sourceHeight ?? luma.height,
      ...(subject ? { subject } : {}),
    };
    return { analysis, featuresMs, modelMs, cnnMs, faceMs };
  }

  const edges = (luma: LumaImage, options: { alreadyBlurry?: boolean } = {}) => blurAwareEdges(cv, luma, options);
  return { bestDetector, available, analyze, edges };
}
