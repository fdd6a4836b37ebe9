import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPatchCnn, predictPatches } from '../src/core/cnn/cnn.ts';
import { loadLayersModelFromDir } from '../src/node/model-files.ts';
import { saveLayersModelToDir, WEIGHTS_FILE } from './model-files.ts';
import { initTrainingBackend } from './tf-backend.ts';

describe('saveLayersModelToDir', () => {
  const dir = mkdtempSync(join(tmpdir(), 'patch-cnn-'));
  beforeAll(async () => {
    await initTrainingBackend('wasm');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes tfjs files that the eval loader reads back to the same predictions', async () => {
    const model = buildPatchCnn({ seed: 5 });
    const { weightBytes } = await saveLayersModelToDir(model, dir);
    expect(readdirSync(dir).sort()).toEqual([WEIGHTS_FILE, 'model.json'].sort());
    expect(weightBytes).toBe(model.countParams() * 4);
    const loaded = await loadLayersModelFromDir(dir);
    const patches = { n: 3, size: 64, data: Float32Array.from({ length: 3 * 64 * 64 }, (_, i) => Math.sin(i * 0.1) * 0.5) };
    const a = await predictPatches(model, patches);
    const b = await predictPatches(loaded, patches);
    expect(Array.from(b)).toEqual(Array.from(a));
    model.dispose();
    loaded.dispose();
    expect(tf.getBackend()).toBe('wasm');
  });
});
