// The tfjs backend training runs on: wasm with our training kernels registered (fast), or the
// plain-JS cpu backend (reference, ~100x slower for convolutions' backward passes).
import { initTfNode, type NodeBackend } from '../src/node/tf.ts';
import { registerTrainingKernels } from './wasm-kernels/index.ts';

export async function initTrainingBackend(backend: NodeBackend = 'wasm'): Promise<NodeBackend> {
  registerTrainingKernels();
  return initTfNode(backend);
}
