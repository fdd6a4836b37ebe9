// Streams a selection of any size through the pool: files are pulled from the source only
// when a worker is about to be free (back-pressure), so 5,000 photos never sit decoded in
// memory at once. Each outcome is reported the moment it exists, so the caller can save it.
// Cancel drops what is queued but still reports the photos being analysed, so nothing already
// worked on is lost. Pausing is the source's own business: a source that stops yielding holds
// no photo read and unanalysed. Nothing a caller or a photo does can stop the stream half way:
// `done` always resolves.
import type { AnalyzeOptions, PhotoAnalysis } from './types.ts';
import { CancelledError, type AnalysisPool } from './pool.ts';

export interface StreamItem {
  file: Blob;
  name: string;
}

export type StreamOutcome<T extends StreamItem> =
  | { item: T; ok: true; result: PhotoAnalysis }
  | { item: T; ok: false; error: string };

export interface StreamSummary {
  completed: number;
  cancelled: boolean;
  /** Why the scan ended early when its source of photos failed (e.g. a folder went away). */
  sourceError?: string;
}

export interface StreamControl {
  cancel(): void;
  /** Resolves (never rejects) when every photo pulled has an outcome, or the scan was cancelled. */
  readonly done: Promise<StreamSummary>;
}

/** Errors whose message is already written for the person reading the photo's card. */
const SPOKEN_ERRORS = new Set(['DecodeError', 'WorkerCrashError']);

export function describeError(error: unknown): string {
  if (error instanceof Error && SPOKEN_ERRORS.has(error.name)) return error.message;
  // Anything else is a fault in the analysis (opencv.js throws bare numbers): say so plainly.
  const detail = error instanceof Error ? error.message : String(error);
  return `The analysis failed on this photo (${detail || 'unknown error'}); the scan went on without it.`;
}

export function streamPhotos<T extends StreamItem>(
  pool: AnalysisPool,
  items: Iterable<T> | AsyncIterable<T>,
  onOutcome: (outcome: StreamOutcome<T>) => void,
  options: AnalyzeOptions = {},
): StreamControl {
  const abort = new AbortController();
  const report = (outcome: StreamOutcome<T>) => {
    try {
      onOutcome(outcome);
    } catch (error) {
      // The caller's bug must not end the scan of everything after this photo.
      console.error('streamPhotos: onOutcome threw', error);
    }
  };

  const run = async (): Promise<StreamSummary> => {
    let completed = 0;
    let sourceError: string | undefined;
    const inFlight = new Set<Promise<void>>();
    // Keep one job queued behind each busy worker so no worker idles between photos.
    const window = pool.size * 2;
    const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
    for (;;) {
      // Cancel is honoured before pulling, so no photo is taken from the source and then dropped.
      if (abort.signal.aborted) break;
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (error) {
        sourceError = error instanceof Error ? error.message : String(error);
        console.error('streamPhotos: the photo source failed', error);
        break;
      }
      if (next.done) break;
      const item = next.value;
      const job: Promise<void> = pool
        .analyze(item.file, options, abort.signal)
        .then(
          (result) => report({ item, ok: true, result }),
          (error) => {
            if (!(error instanceof CancelledError)) report({ item, ok: false, error: describeError(error) });
          },
        )
        .finally(() => {
          completed++;
          inFlight.delete(job);
        });
      inFlight.add(job);
      while (inFlight.size >= window) await Promise.race(inFlight);
    }
    if (abort.signal.aborted) {
      try {
        await iterator.return?.();
      } catch {
        /* the source's own clean-up failed: nothing of ours to lose */
      }
    }
    await Promise.all(inFlight);
    return { completed, cancelled: abort.signal.aborted, ...(sourceError ? { sourceError } : {}) };
  };

  const done = run();
  return {
    cancel() {
      abort.abort();
    },
    done,
  };
}
