import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTrainingBackend } from '../tf-backend.ts';

// Deterministic values in [-1, 1) so both backends see identical inputs.
function seeded(count: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2147483648 - 1;
  }
  return out;
}

type Pad = 'same' | 'valid';
interface Case {
  x: [number, number, number, number];
  filter: [number, number, number, number];
  stride: number | [number, number];
  pad: Pad;
}

const CASES: Case[] = [
  { x: [2, 9, 9, 1], filter: [3, 3, 1, 4], stride: 1, pad: 'same' },
  { x: [3, 10, 7, 2], filter: [3, 3, 2, 5], stride: 1, pad: 'valid' },
  { x: [4, 16, 16, 3], filter: [3, 3, 3, 8], stride: 2, pad: 'same' },
  { x: [2, 11, 13, 4], filter: [3, 3, 4, 6], stride: 2, pad: 'valid' },
  { x: [2, 15, 12, 2], filter: [5, 5, 2, 3], stride: 2, pad: 'same' },
  { x: [3, 12, 12, 5], filter: [1, 1, 5, 7], stride: 1, pad: 'same' },
  { x: [2, 14, 10, 3], filter: [3, 2, 3, 4], stride: [2, 1], pad: 'same' },
  { x: [8, 32, 32, 16], filter: [3, 3, 16, 16], stride: 2, pad: 'same' },
];

function outputShape(c: Case): [number, number, number, number] {
  const [sh, sw] = typeof c.stride === 'number' ? [c.stride, c.stride] : c.stride;
  const [, h, w] = c.x;
  const [fh, fw, , cout] = c.filter;
  const oh = c.pad === 'same' ? Math.ceil(h / sh) : Math.ceil((h - fh + 1) / sh);
  const ow = c.pad === 'same' ? Math.ceil(w / sw) : Math.ceil((w - fw + 1) / sw);
  return [c.x[0], oh, ow, cout];
}

function backpropFilter(c: Case, xValues: Float32Array, dyValues: Float32Array): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(xValues, c.x);
    const dy = tf.tensor4d(dyValues, outputShape(c));
    const dW = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, {
      strides: c.stride,
      pad: c.pad,
      dataFormat: 'NHWC',
      filterShape: c.filter,
    }) as tf.Tensor;
    expect(dW.shape).toEqual(c.filter);
    return dW.dataSync() as Float32Array;
  });
}

/** Largest difference relative to the largest reference magnitude. */
function relativeError(actual: Float32Array, expected: Float32Array): number {
  let maxDiff = 0;
  let maxRef = 0;
  for (let i = 0; i < expected.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs(actual[i]! - expected[i]!));
    maxRef = Math.max(maxRef, Math.abs(expected[i]!));
  }
  return maxDiff / maxRef;
}

describe('Conv2DBackpropFilter on wasm', () => {
  beforeAll(async () => {
    await initTrainingBackend('wasm');
  });

  it.each(CASES)('matches the cpu backend for x $x, filter $filter, stride $stride, $pad', async (c) => {
    const xValues = seeded(c.x.reduce((a, b) => a * b), 11);
    const dyValues = seeded(outputShape(c).reduce((a, b) => a * b), 23);
    await tf.setBackend('wasm');
    const wasm = backpropFilter(c, xValues, dyValues);
    await tf.setBackend('cpu');
    const cpu = backpropFilter(c, xValues, dyValues);
    await tf.setBackend('wasm');
    expect(wasm.length).toBe(cpu.length);
    // float32 sums in a different order: ~1e-7 relative; any indexing slip is O(1).
    expect(relativeError(wasm, cpu)).toBeLessThan(1e-5);
  });

  it('frees every intermediate it allocates', async () => {
    await tf.setBackend('wasm');
    const c = CASES[3]!;
    const xValues = seeded(c.x.reduce((a, b) => a * b), 5);
    const dyValues = seeded(outputShape(c).reduce((a, b) => a * b), 6);
    backpropFilter(c, xValues, dyValues);
    const before = tf.engine().backend.numDataIds();
    backpropFilter(c, xValues, dyValues);
    expect(tf.engine().backend.numDataIds()).toBe(before);
  });

  it('gives the same gradients as cpu when training through conv2d', async () => {
    const c = CASES[2]!;
    const xValues = seeded(c.x.reduce((a, b) => a * b), 31);
    const wValues = seeded(c.filter.reduce((a, b) => a * b), 37);
    const gradient = () =>
      tf.tidy(() => {
        const x = tf.tensor4d(xValues, c.x);
        const loss = (w: tf.Tensor) => tf.conv2d(x, w as tf.Tensor4D, c.stride, c.pad).relu().square().sum();
        return tf.grad(loss)(tf.tensor4d(wValues, c.filter)).dataSync() as Float32Array;
      });
    await tf.setBackend('wasm');
    const wasm = gradient();
    await tf.setBackend('cpu');
    const cpu = gradient();
    await tf.setBackend('wasm');
    expect(relativeError(wasm, cpu)).toBeLessThan(1e-5);
  });
});
