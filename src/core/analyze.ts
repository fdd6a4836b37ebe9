// One path from a luma image to an Analysis, shared by the worker, training's evaluate stage
// and `npm run eval`. Detectors are named so reports can compare them on the same images.
import type * as tfTypes from '@tensorflow/tfjs';
import type { OpenCv } from './image/opencv-types.ts';
import type { Analysis, BlurType, FeatureVector, LumaImage, RegionMap } from './types.ts';
import { extractFeatures } from './features/features.ts';
import { laplacian100 } from './features/baseline.ts';
import { extractPatches } from './cnn/patches.ts';
import { predictPatches } from './cnn/cnn.ts';
import { spectrumFeatures } from './cnn/spectrum.ts';
import { aggregatePatches } from './cnn/aggregation.ts';
import { fuseScores, type FusionParams } from './fusion/head.ts';
import { blurTypeFor, verdictFor } from './fusion/verdict.ts';

export type DetectorName = 'fused' | 'features' | 'laplacian-100';
export const DETECTOR_NAMES: readonly DetectorName[] = ['fused', 'features', 'laplacian-100'];

export interface AnalyzerParts {
  cv: OpenCv;
  cnn?: tfTypes.LayersModel;
  fusion?: FusionParams;
  featuresHead?: FusionParams;
}

export interface AnalyzeRequest {
  detector?: DetectorName;
  sourceWidth?: number;
  sourceHeight?: number;
}

export interface AnalyzeResult {
  analysis: Analysis;
  featuresMs: number;
  /** Patch cutting, CNN, aggregation and spectrum features ('fused' only). */
  modelMs: number;
  /** The CNN's inference alone, within modelMs: the step the 30 ms model budget is about. */
  cnnMs: number;
}

export interface Analyzer {
  cv: OpenCv;
  bestDetector: DetectorName;
  available: DetectorName[];
  analyze(luma: LumaImage, request?: AnalyzeRequest): Promise<AnalyzeResult>;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The seed baseline as a probability: a soft step at variance 100 (verdict flips exactly there). */
function baselineProbability(variance: number): number {
  return 1 / (1 + Math.exp(3 * (Math.log(Math.max(variance, 1e-6)) - Math.log(100))));
}

export function createAnalyzer(parts: AnalyzerParts): Analyzer {
  const available: DetectorName[] = [];
  if (parts.cnn && parts.fusion) available.push('fused');
  if (parts.featuresHead) available.push('features');
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
      const base = laplacian100(parts.cv, luma);
      const extracted = extractFeatures(parts.cv, luma);
      features = { ...extracted.features, baselineVariance: base.variance };
      regions = extracted.regions;
      probability = baselineProbability(base.variance);
    } else {
      const extracted = extractFeatures(parts.cv, luma);
      regions = extracted.regions;
      features = extracted.features;
      if (detector === 'fused') {
        const t1 = now();
        const patches = extractPatches(luma);
        const t2 = now();
        const probs = await predictPatches(parts.cnn!, patches);
        cnnMs = now() - t2;
        const aggregated = aggregatePatches(probs, patches.positions, regions);
        features = { ...features, ...aggregated.features, ...spectrumFeatures(patches) };
        if (aggregated.regions) regions = aggregated.regions;
        modelMs = now() - t1;
      }
      const fused = fuseScores(detector === 'fused' ? parts.fusion! : parts.featuresHead!, features);
      probability = fused.probability;
      types = fused.typeProbabilities;
    }
    const featuresMs = now() - t0 - modelMs;
    const verdict = verdictFor(probability);
    const analysis: Analysis = {
      detector,
      probability,
      verdict,
      blurType: blurTypeFor({ blurType: null, typeProbabilities: types }, verdict),
      typeProbabilities: types,
      regions,
      features,
      width: luma.width,
      height: luma.height,
      sourceWidth: request.sourceWidth ?? luma.width,
      sourceHeight: request.sourceHeight ?? luma.height,
    };
    return { analysis, featuresMs, modelMs, cnnMs };
  }

  return { cv: parts.cv, bestDetector, available, analyze };
}
