// Writes a tfjs LayersModel to a folder in the standard tfjs web format (model.json + one weight
// shard), which the app fetches and src/node/model-files.ts loads. tfjs has no file:// saver
// without tfjs-node, so the artefacts are written here.
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const WEIGHTS_FILE = 'group1-shard1of1.bin';

export async function saveLayersModelToDir(model: tf.LayersModel, dir: string): Promise<{ weightBytes: number }> {
  mkdirSync(dir, { recursive: true });
  let weightBytes = 0;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = artifacts.weightData ? tf.io.CompositeArrayBuffer.join(artifacts.weightData) : new ArrayBuffer(0);
      weightBytes = weights.byteLength;
      const modelJson = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
      };
      writeFileSync(join(dir, 'model.json'), JSON.stringify(modelJson));
      writeFileSync(join(dir, WEIGHTS_FILE), new Uint8Array(weights));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } };
    }),
  );
  return { weightBytes };
}
