import { AnalysisPool, defaultPoolSize } from './pool.ts';
import type { WorkerInit } from './types.ts';

/**
 * Workers the device can afford. Each worker holds opencv.js's wasm heap (128 MB reserved at
 * start), tfjs and one decoded photo, ~250 MB in all; navigator.deviceMemory (GiB, rounded
 * down and capped at 8 by the browser) keeps a 3 GB phone with 8 cores from starting 7 of them.
 */
export function affordablePoolSize(): number {
  const memoryGiB = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  const byMemory = memoryGiB ? Math.max(1, Math.floor(memoryGiB)) : Infinity;
  return Math.max(1, Math.min(defaultPoolSize(), byMemory));
}

/** A pool of the real analysis workers, with models served from this origin's /models/. */
export function createAnalysisPool(size = affordablePoolSize(), init: Partial<WorkerInit> = {}): AnalysisPool {
  const threads = Math.max(1, Math.floor((navigator.hardwareConcurrency || 1) / size));
  return new AnalysisPool(
    () => new Worker(new URL('../worker/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }),
    { modelBaseUrl: new URL('/models/', location.href).href, threads, ...init },
    size,
  );
}
