import { AnalysisPool, defaultPoolSize } from './pool.ts';
import type { WorkerInit } from './types.ts';

/** A pool of the real analysis workers, with models served from this origin's /models/. */
export function createAnalysisPool(size = defaultPoolSize(), init: Partial<WorkerInit> = {}): AnalysisPool {
  const threads = Math.max(1, Math.floor((navigator.hardwareConcurrency || 1) / size));
  return new AnalysisPool(
    () => new Worker(new URL('../worker/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }),
    { modelBaseUrl: new URL('/models/', location.href).href, threads, ...init },
    size,
  );
}
