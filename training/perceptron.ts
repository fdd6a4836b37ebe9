// A layer with a hidden layer: seeded tanh nets trained on the standardised features and folded
// into one layer (fit-head.ts uses it for the type layer when a head has typeHiddenUnits, and for
// the blur layer, as two classes, when it has blurHiddenUnits).
import { BLUR_TYPES } from '../src/core/types.ts';
import type { LinearLayer } from '../src/core/fusion/head.ts';
import { seededRandom } from '../src/core/seeded-random.ts';
import { adamMinimise } from './adam.ts';

/** Training of a perceptron: smaller steps than the linear layers, which are convex and
 * settle fast at 0.05; a hidden layer needs more of them to settle. */
const PERCEPTRON_LEARNING_RATE = 0.01;
const PERCEPTRON_ITERATIONS = 1500;

export interface PerceptronOptions {
  units: number;
  nets: number;
  l2: number;
  seed: number;
  /** Output classes (default the blur types; 2 for the blur layer: sharp, blurred). */
  classes?: number;
}

/**
 * Weighted softmax regression through one hidden layer of tanh units, over standardised inputs.
 * `nets` nets from seeded random starts are trained alone (a hidden layer's fit depends on where it
 * starts) and folded into one layer of nets * units units whose output is their mean logit.
 */
export function fitPerceptron(
  inputs: readonly Float64Array[],
  target: readonly number[],
  weights: Float64Array,
  { units, nets, l2, seed, classes }: PerceptronOptions,
): { hidden: LinearLayer; output: LinearLayer } {
  const d = inputs[0]?.length ?? 0;
  const k = classes ?? BLUR_TYPES.length;
  const total = weights.reduce((a, b) => a + b, 0);
  // Parameter layout of one net: hidden weights (units x d), hidden biases, output weights (k x units), output biases.
  const [W1, B1] = [0, units * d];
  const W2 = B1 + units;
  const B2 = W2 + k * units;
  const hidden: LinearLayer = { weights: [], bias: [] };
  const output: LinearLayer = { weights: Array.from({ length: k }, () => []), bias: new Array<number>(k).fill(0) };
  for (let net = 0; net < nets; net++) {
    const random = seededRandom(seed * 7919 + net);
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const theta = new Float64Array(B2 + k);
    for (let i = 0; i < units * d; i++) theta[W1 + i] = normal() / Math.sqrt(d);
    for (let i = 0; i < k * units; i++) theta[W2 + i] = normal() / Math.sqrt(units);
    const h = new Float64Array(units);
    const hGrad = new Float64Array(units);
    const p = new Float64Array(k);
    // The hot loop of the fuse stage (nets x folds x L2 values x 1500 steps over ~1400-2000 examples):
    // plain loops and a softmax into a reused buffer, the same arithmetic as softmax() without its
    // four small arrays per example.
    adamMinimise(
      theta,
      (t, grad) => {
        for (let n = 0; n < inputs.length; n++) {
          const z = inputs[n]!;
          for (let u = 0; u < units; u++) {
            let s = t[B1 + u]!;
            for (let j = 0; j < d; j++) s += t[W1 + u * d + j]! * z[j]!;
            h[u] = Math.tanh(s);
          }
          let max = -Infinity;
          for (let c = 0; c < k; c++) {
            let s = t[B2 + c]!;
            for (let u = 0; u < units; u++) s += t[W2 + c * units + u]! * h[u]!;
            p[c] = s;
            if (s > max) max = s;
          }
          let sum = 0;
          for (let c = 0; c < k; c++) sum += p[c] = Math.exp(p[c]! - max);
          for (let c = 0; c < k; c++) p[c]! /= sum;
          hGrad.fill(0);
          for (let c = 0; c < k; c++) {
            const r = (weights[n]! * (p[c]! - (c === target[n] ? 1 : 0))) / total;
            grad[B2 + c]! += r;
            for (let u = 0; u < units; u++) {
              grad[W2 + c * units + u]! += r * h[u]!;
              hGrad[u]! += r * t[W2 + c * units + u]!;
            }
          }
          for (let u = 0; u < units; u++) {
            const g = hGrad[u]! * (1 - h[u]! * h[u]!);
            grad[B1 + u]! += g;
            for (let j = 0; j < d; j++) grad[W1 + u * d + j]! += g * z[j]!;
          }
        }
        for (let i = 0; i < units * d; i++) grad[W1 + i]! += l2 * t[W1 + i]!;
        for (let i = 0; i < k * units; i++) grad[W2 + i]! += l2 * t[W2 + i]!;
      },
      PERCEPTRON_ITERATIONS,
      PERCEPTRON_LEARNING_RATE,
    );
    for (let u = 0; u < units; u++) {
      hidden.weights.push(Array.from(theta.subarray(W1 + u * d, W1 + (u + 1) * d)));
      hidden.bias.push(theta[B1 + u]!);
    }
    for (let c = 0; c < k; c++) {
      for (let u = 0; u < units; u++) output.weights[c]!.push(theta[W2 + c * units + u]! / nets);
      output.bias[c]! += theta[B2 + c]! / nets;
    }
  }
  return { hidden, output };
}
