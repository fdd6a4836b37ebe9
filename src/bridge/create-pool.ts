import { AnalysisPool } from './pool.ts';
import type { WorkerInit } from './types.ts';

/** A pool of the real analysis workers, with models served from this origin's /models/. */
export function createAnalysisPool(size?: number, init: Partial<WorkerInit> = {}): AnalysisPool {
  return new AnalysisPool(
    () => new Worker(new URL('../worker/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }),
    { modelBaseUrl: new URL('/models/', location.href).href, ...init },
    size,
  );
}
