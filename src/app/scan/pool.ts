import { AnalysisPool } from '../../bridge/pool.ts';

/** The app's single pool of analysis workers, created on first use. */
let pool: AnalysisPool | null = null;

export function analysisPool(): AnalysisPool {
  pool ??= new AnalysisPool(
    () => new Worker(new URL('../../worker/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }),
    { modelBaseUrl: new URL('/models/', location.href).href },
  );
  return pool;
}
