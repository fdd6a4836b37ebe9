// Loads models/ from disk in Node (eval, training's evaluate stage), the same files the app
// fetches through its service worker.
import * as tf from '@tensorflow/tfjs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FusionParams } from '../core/fusion/head.ts';

interface ModelJson {
  modelTopology: object;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  weightsManifest: Array<{ paths: string[]; weights: tf.io.WeightsManifestEntry[] }>;
}

export async function loadLayersModelFromDir(dir: string): Promise<tf.LayersModel> {
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as ModelJson;
  const shards = json.weightsManifest.flatMap((group) => group.paths.map((p) => readFileSync(join(dir, p))));
  const weightData = new Uint8Array(shards.reduce((n, s) => n + s.length, 0));
  let offset = 0;
  for (const shard of shards) {
    weightData.set(shard, offset);
    offset += shard.length;
  }
  return tf.loadLayersModel({
    load: async () => ({
      modelTopology: json.modelTopology,
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy ?? undefined,
      weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
      weightData: weightData.buffer,
    }),
  });
}

export interface DiskModels {
  cnn?: tf.LayersModel;
  fusion?: FusionParams;
  featuresHead?: FusionParams;
}

const readJson = <T>(path: string): T | undefined => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined);

export async function loadModelsFromDisk(dir: string): Promise<DiskModels> {
  const fusion = readJson<FusionParams>(join(dir, 'fusion.json'));
  const featuresHead = readJson<FusionParams>(join(dir, 'features-head.json'));
  const cnnDir = join(dir, 'patch-cnn');
  const cnn = fusion && existsSync(join(cnnDir, 'model.json')) ? await loadLayersModelFromDir(cnnDir) : undefined;
  return { cnn, fusion, featuresHead };
}
