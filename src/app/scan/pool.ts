import type { AnalysisPool } from '../../bridge/pool.ts';
import { createAnalysisPool } from '../../bridge/create-pool.ts';

/** The app's single pool of analysis workers, created on first use. */
let pool: AnalysisPool | null = null;

export function analysisPool(): AnalysisPool {
  pool ??= createAnalysisPool();
  return pool;
}
