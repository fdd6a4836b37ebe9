// Picks the fastest tfjs backend this device really has. A software WebGPU adapter
// (SwiftShader, isFallbackAdapter) is the slowest of all here (~4.6 s vs ~30 ms on wasm for
// a small CNN), so WebGPU is used only on hardware; then wasm (SIMD; threads when the page is
// cross-origin isolated), then webgl, then the plain-JS cpu backend.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName } from '../bridge/types.ts';

export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'wasm', 'webgl', 'cpu'];

export interface BackendChoice {
  name: BackendName;
  /** Human-readable detail: adapter kind, SIMD / threads. */
  detail: string;
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { architecture?: string; vendor?: string; isFallbackAdapter?: boolean };
}

export async function hardwareWebGpu(): Promise<string | null> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return null;
  const adapter = (await gpu.requestAdapter().catch(() => null)) as GpuAdapterLike | null;
  if (!adapter) return null;
  const info = adapter.info ?? {};
  const software = adapter.isFallbackAdapter || info.isFallbackAdapter || /swiftshader/i.test(info.architecture ?? '');
  return software ? null : `${info.vendor ?? 'gpu'} ${info.architecture ?? ''}`.trim();
}

/** Tries each backend in order (or only `forced`) and returns the first that initialises. */
export async function chooseBackend(forced?: BackendName, threads = 1): Promise<BackendChoice> {
  // The pool already runs one worker per core; pthreads inside each worker would only fight
  // over the same cores (and cost a pthread pool per worker), so the threaded build is used
  // only when the page is cross-origin isolated and cores are left over for it.
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const useThreads = isolated && threads >= 2;
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', useThreads);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlain,
    'tfjs-backend-wasm-simd.wasm': wasmSimd,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
  });
  if (useThreads) setThreadsCount(threads);
  for (const name of forced ? [forced] : BACKEND_ORDER) {
    let detail = '';
    if (name === 'webgpu' && !forced) {
      const adapter = await hardwareWebGpu();
      if (!adapter) continue;
      detail = adapter;
    }
    const ok = await tf.setBackend(name).catch(() => false);
    if (!ok) continue;
    await tf.ready();
    if (name === 'wasm') detail = useThreads ? `simd, ${threads} threads` : 'simd';
    return { name, detail };
  }
  throw new Error('No tfjs backend could be initialised');
}
