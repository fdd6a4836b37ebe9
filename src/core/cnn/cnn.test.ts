import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTfNode } from '../../node/tf.ts';
import { CNN_WEIGHT_BUDGET_BYTES, buildPatchCnn, predictPatches, weightCount } from './cnn.ts';
import { PATCH_SIZE, extractPatches } from './patches.ts';
import { PATCH_CLASSES } from '../types.ts';

describe('patch CNN', () => {
  beforeAll(async () => {
    await initTfNode('wasm');
  });

  it('stays far under the 2 MB weight budget', () => {
    const model = buildPatchCnn({ seed: 3 });
    const bytes = weightCount(model) * 4;
    expect(bytes).toBeLessThan(CNN_WEIGHT_BUDGET_BYTES);
    expect(bytes).toBeLessThan(256 * 1024); // the design aims at ~100 KB
    expect(model.outputs[0]!.shape).toEqual([null, PATCH_CLASSES.length]);
    model.dispose();
  });

  it('gives one probability distribution over the classes per patch and frees its tensors', async () => {
    const model = buildPatchCnn({ seed: 3 });
    const width = 640;
    const height = 480;
    const data = new Float32Array(width * height);
    for (let i = 0; i < data.length; i++) data[i] = 128 + 60 * Math.sin(i * 0.37) * Math.cos(i * 0.011);
    const patches = extractPatches({ width, height, data });
    const before = tf.memory().numTensors;
    const probs = await predictPatches(model, patches);
    expect(tf.memory().numTensors).toBe(before);
    expect(probs.length).toBe(patches.n * PATCH_CLASSES.length);
    for (let i = 0; i < patches.n; i++) {
      const row = Array.from(probs.subarray(i * 4, i * 4 + 4));
      expect(row.every((p) => p >= 0 && p <= 1)).toBe(true);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    model.dispose();
  });

  it('is reproducible from its seed', () => {
    const a = buildPatchCnn({ seed: 7 });
    const b = buildPatchCnn({ seed: 7 });
    const c = buildPatchCnn({ seed: 8 });
    const first = (m: tf.LayersModel) => Array.from(m.getWeights()[0]!.dataSync().slice(0, 20));
    expect(first(a)).toEqual(first(b));
    expect(first(a)).not.toEqual(first(c));
    expect(a.inputs[0]!.shape).toEqual([null, PATCH_SIZE, PATCH_SIZE, 1]);
    [a, b, c].forEach((m) => m.dispose());
  });
});
