// tfjs in Node (tfjs-node cannot be installed here): the wasm backend, loaded from the
// package's own files, or the plain-JS cpu backend.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type NodeBackend = 'wasm' | 'cpu';

export async function initTfNode(backend: NodeBackend = 'wasm'): Promise<NodeBackend> {
  if (tf.getBackend() === backend) return backend;
  if (backend === 'wasm') {
    const require = createRequire(import.meta.url);
    setWasmPaths(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');
  }
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend '${backend}' failed to initialise`);
  await tf.ready();
  return backend;
}
