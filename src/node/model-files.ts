// Model files from disk in Node (eval, training's stages): the file reader of core's
// loadModels, for the same models/ the app fetches through its service worker, and a loader for
// one layers-model folder (training's own CNN output).
import * as tf from '@tensorflow/tfjs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelReader } from '../core/models.ts';

interface ModelJson {
  modelTopology: object;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  weightsManifest: Array<{ paths: string[]; weights: tf.io.WeightsManifestEntry[] }>;
}

/** tfjs's loader for a model.json and its shards in one folder (tfjs has no file:// loader). */
function layersModelFiles(dir: string): tf.io.IOHandler {
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as ModelJson;
  const shards = json.weightsManifest.flatMap((group) => group.paths.map((p) => readFileSync(join(dir, p))));
  const weightData = new Uint8Array(shards.reduce((n, s) => n + s.length, 0));
  let offset = 0;
  for (const shard of shards) {
    weightData.set(shard, offset);
    offset += shard.length;
  }
  return {
    load: async () => ({
      modelTopology: json.modelTopology,
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy ?? undefined,
      weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
      weightData: weightData.buffer,
    }),
  };
}

export async function loadLayersModelFromDir(dir: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(layersModelFiles(dir));
}

const readJson = <T>(path: string): T | undefined => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined);

export function fileModelReader(dir: string): ModelReader {
  return {
    json: async <T>(name: string) => readJson<T>(join(dir, name)),
    layersModel: (cnnDir) => (existsSync(join(dir, cnnDir, 'model.json')) ? layersModelFiles(join(dir, cnnDir)) : undefined),
  };
}
