// Streams a selection of any size through the pool: files are pulled from the source only
// when a worker is about to be free (back-pressure), so 5,000 photos never sit decoded in
// memory at once. Pause stops pulling; cancel aborts what is queued.
import type { AnalyzeOptions, PhotoAnalysis } from './types.ts';
import { CancelledError, type AnalysisPool } from './pool.ts';

export interface ScanSource {
  file: Blob;
  name: string;
}

export type ScanOutcome<T extends ScanSource> =
  | { item: T; ok: true; result: PhotoAnalysis }
  | { item: T; ok: false; error: string };

export interface ScanControl {
  pause(): void;
  resume(): void;
  cancel(): void;
  readonly paused: boolean;
  /** Resolves when every photo has an outcome or the scan was cancelled. */
  readonly done: Promise<{ completed: number; cancelled: boolean }>;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function scanPhotos<T extends ScanSource>(
  pool: AnalysisPool,
  items: Iterable<T> | AsyncIterable<T>,
  onOutcome: (outcome: ScanOutcome<T>) => void,
  options: AnalyzeOptions = {},
): ScanControl {
  const abort = new AbortController();
  let paused = false;
  let wake: (() => void) | null = null;
  const waitWhilePaused = async () => {
    while (paused && !abort.signal.aborted) await new Promise<void>((r) => (wake = r));
  };

  const run = async () => {
    let completed = 0;
    const inFlight = new Set<Promise<void>>();
    // Keep one job queued behind each busy worker so no worker idles between photos.
    const window = pool.size * 2;
    for await (const item of items as AsyncIterable<T>) {
      await waitWhilePaused();
      if (abort.signal.aborted) break;
      const job = pool
        .analyze(item.file, options, abort.signal)
        .then(
          (result) => onOutcome({ item, ok: true, result }),
          (error) => {
            if (!(error instanceof CancelledError)) onOutcome({ item, ok: false, error: describeError(error) });
          },
        )
        .finally(() => {
          completed++;
          inFlight.delete(job);
        });
      inFlight.add(job);
      while (inFlight.size >= window) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return { completed, cancelled: abort.signal.aborted };
  };

  const done = run();
  return {
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      wake?.();
      wake = null;
    },
    cancel() {
      abort.abort();
      wake?.();
    },
    get paused() {
      return paused;
    },
    done,
  };
}
