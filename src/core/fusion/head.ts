// The fusion head: from the classical, CNN and spectrum features to one calibrated answer per
// photo. Plain TypeScript (no tfjs): the heads are tiny and their parameters are JSON. Fitting
// lives in training/fit-head.ts.
import { BLUR_TYPES, type BlurType, type FeatureVector } from '../types.ts';

/** A linear layer: out = weights · in + bias, weights as rows (one per output). */
export interface LinearLayer {
  weights: number[][];
  bias: number[];
}

/**
 * A fusion head, JSON-serialisable. The 'fused' and 'features' detectors are the same code with
 * different featureNames (classical + cnn*, or classical only).
 */
export interface FusionParams {
  version: 1;
  /** Detector this head is ('fused', 'features', 'cnn'). */
  detector: string;
  featureNames: string[];
  /** Standardisation: z = (x - mean) / std, clipped to +-zClip; a missing feature gets z = 0. */
  mean: number[];
  std: number[];
  zClip: number;
  /** Blur logit (one output), read from the standardised features, or from blurHidden's units
   * when there is one. */
  blur: LinearLayer;
  /** Optional hidden layer of the blur head: tanh units over the standardised features. A linear
   * head cannot hold both kinds of photo it learns from: a real camera's JPEG as shot and a photo
   * through our synthetic phone pipeline put sharp and blurred on different sides of different
   * lines (training/config.ts, heads.blurHiddenUnits, has the numbers). */
  blurHidden?: LinearLayer;
  /** Platt scaling of the blur logit, fitted on held-out photos: p = sigmoid(scale * z + offset). */
  calibration: { scale: number; offset: number };
  /** Softmax over BLUR_TYPES (three outputs), read from the standardised features, or from
   * typeHidden's units when there is one. */
  type: LinearLayer;
  /** Optional hidden layer of the type head: tanh units over the standardised features. Which blur
   * a photo has is not a linear question (a spectral notch means defocus only where the CNN sees
   * isotropic blur), and the type layer has a thousand-odd examples to learn it from. */
  typeHidden?: LinearLayer;
}

export interface FusedScores {
  /** Calibrated P(blurry). */
  probability: number;
  typeProbabilities: Record<BlurType, number>;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function applyLinear(layer: LinearLayer, input: ArrayLike<number>): number[] {
  return layer.weights.map((row, o) => {
    let s = layer.bias[o] ?? 0;
    for (let j = 0; j < row.length; j++) s += row[j]! * input[j]!;
    return s;
  });
}

export function softmax(logits: readonly number[]): number[] {
  const m = Math.max(...logits);
  const e = logits.map((v) => Math.exp(v - m));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/** Standardised, clipped inputs of a head (the exact vector the heads see). */
export function standardise(params: Pick<FusionParams, 'featureNames' | 'mean' | 'std' | 'zClip'>, features: FeatureVector): Float64Array {
  const z = new Float64Array(params.featureNames.length);
  params.featureNames.forEach((name, j) => {
    const x = features[name];
    if (x === undefined || !Number.isFinite(x)) return; // z = 0: the training mean, i.e. no evidence
    const v = (x - params.mean[j]!) / (params.std[j]! || 1);
    z[j] = Math.max(-params.zClip, Math.min(params.zClip, v));
  });
  return z;
}

/** The blur layer's input: the standardised features, or the hidden layer's tanh units over them. */
function blurInput(params: FusionParams, z: Float64Array): ArrayLike<number> {
  return params.blurHidden ? applyLinear(params.blurHidden, z).map(Math.tanh) : z;
}

/** Uncalibrated blur logit. */
export function blurLogit(params: FusionParams, features: FeatureVector): number {
  return applyLinear(params.blur, blurInput(params, standardise(params, features)))[0]!;
}

/** Calibrated P(blurry) and the blur-type distribution of one photo. Two heads over the same
 * standardised features. The blur head is logistic: linear, so each feature's push is visible in its
 * weight, and a sharpness feature whose weight training constrains to <= 0 can never make a photo
 * blurrier; with blurHidden it is a small tanh net, which gives up that guarantee. The type head is
 * a softmax, through one hidden layer when the params have one. */
export function fuseScores(params: FusionParams, features: FeatureVector): FusedScores {
  const h = standardise(params, features);
  const logitValue = applyLinear(params.blur, blurInput(params, h))[0]!;
  const probability = sigmoid(params.calibration.scale * logitValue + params.calibration.offset);
  const typeProbs = softmax(applyLinear(params.type, params.typeHidden ? applyLinear(params.typeHidden, h).map(Math.tanh) : h));
  const typeProbabilities = Object.fromEntries(BLUR_TYPES.map((t, i) => [t, typeProbs[i]!])) as Record<BlurType, number>;
  return { probability, typeProbabilities };
}
