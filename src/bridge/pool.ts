// One typed bridge to N analysis workers. Jobs queue here; each worker runs one photo at a
// time, so at most N full-size bitmaps exist at once. A worker that dies — an uncaught error,
// a silent exit, an endless loop — is replaced and only its photo fails: a scan of a whole
// camera roll never stops on one bad photo.
import * as Comlink from 'comlink';
import type { AnalysisWorkerApi, AnalyzeOptions, EdgeMap, EdgeMapOptions, PhotoAnalysis, WorkerInit, WorkerReady } from './types.ts';

export type WorkerFactory = () => Worker;

interface Slot {
  worker: Worker;
  api: Comlink.Remote<AnalysisWorkerApi>;
  ready: Promise<WorkerReady>;
  busy: boolean;
  /** Set once the worker is known to be dead; the slot gets a new worker before its next job. */
  dead: boolean;
  /** Rejects when the worker crashes (or is declared dead), failing the job in flight. */
  crashed: Promise<never>;
  kill(error: Error): void;
}

interface Job {
  /** What the worker is asked (one photo each: an analysis or an edge map). */
  work(api: Comlink.Remote<AnalysisWorkerApi>): Promise<unknown>;
  resolve(result: unknown): void;
  reject(error: unknown): void;
  /** Stops listening to the scan's abort signal (a scan of thousands must not pile up listeners). */
  detach(): void;
}

export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('The scan was cancelled.');
  }
}

/** The worker running a photo died or stopped answering; the pool has replaced it. */
export class WorkerCrashError extends Error {
  override name = 'WorkerCrashError';
}

export interface PoolTimings {
  /** How often a busy worker is asked whether it is still alive. */
  heartbeatMs: number;
  /** A busy worker silent for this long, while the page itself ran on time, is declared dead. */
  unresponsiveMs: number;
  /** Longest one photo may take before its worker is replaced and the photo skipped. */
  photoDeadlineMs: number;
}

/**
 * Heartbeats are cheap (one message), so every 5 s. A worker's longest synchronous stretch at
 * working resolution is well under a second even on slow phones (decoding itself is
 * asynchronous), so 20 s of silence means it is gone: closed, killed, or stuck in a loop. A
 * whole photo gets 5 minutes: a 200 MP photo on an old phone takes tens of seconds, not minutes.
 */
export const DEFAULT_TIMINGS: PoolTimings = { heartbeatMs: 5_000, unresponsiveMs: 20_000, photoDeadlineMs: 300_000 };

/** A timer that fired this much later than asked means the page was frozen or throttled (a
 * background tab): silence from the worker over that time proves nothing. */
const PAGE_LATE_MS = 2_000;
/** Workers that crash while starting, in a row, before the pool stops retrying their jobs. */
const MAX_START_CRASHES = 3;

export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  // One core stays with the page so scrolling and the review grid stay smooth on big CPUs.
  return Math.max(1, Math.min(cores > 4 ? cores - 1 : cores, 8));
}

function delay(ms: number): { done: Promise<void>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const done = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return { done, cancel: () => clearTimeout(timer) };
}

export class AnalysisPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly init: WorkerInit;
  private readonly createWorker: WorkerFactory;
  private readonly timings: PoolTimings;
  private closed = false;
  private startCrashes = 0;
  private restartCount = 0;

  constructor(createWorker: WorkerFactory, init: WorkerInit, size = defaultPoolSize(), timings: Partial<PoolTimings> = {}) {
    this.createWorker = createWorker;
    this.init = init;
    this.size = size;
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Resolves when the first worker is ready (backend chosen, models loaded). */
  ready(): Promise<WorkerReady> {
    return Promise.any(this.slots.map((s) => s.ready));
  }

  /** Jobs waiting for a worker, not counting those running. */
  get pending(): number {
    return this.queue.length;
  }

  get running(): number {
    return this.slots.filter((s) => s.busy).length;
  }

  /** Workers replaced after a crash, a hang or a timeout since the pool started. */
  get restarts(): number {
    return this.restartCount;
  }

  analyze(file: Blob, options: AnalyzeOptions = {}, signal?: AbortSignal): Promise<PhotoAnalysis> {
    return this.enqueue((api) => api.analyzePhoto(file, options), signal);
  }

  /** The viewer's edge overlay for one photo; it waits its turn behind the photos queued. */
  edgeMap(file: Blob, options: EdgeMapOptions = {}): Promise<EdgeMap> {
    return this.enqueue((api) => api.edgeMap(file, options));
  }

  private enqueue<T>(work: (api: Comlink.Remote<AnalysisWorkerApi>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The analysis pool was closed.'));
    if (signal?.aborted) return Promise.reject(new CancelledError());
    return new Promise<T>((resolve, reject) => {
      // Only waiting jobs are dropped: a photo already being analysed finishes and is reported.
      const onAbort = () => {
        const i = this.queue.indexOf(job);
        if (i >= 0) {
          this.queue.splice(i, 1);
          reject(new CancelledError());
        }
      };
      const job: Job = { work, resolve: (result) => resolve(result as T), reject, detach: () => signal?.removeEventListener('abort', onAbort) };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  /** Live tfjs tensors per worker that is up and answering (soak tests watch these for leaks). */
  async memory(): Promise<Array<{ tensors: number; tfBytes: number }>> {
    const answers = await Promise.allSettled(
      this.slots.map(async (s) => {
        const wait = delay(this.timings.unresponsiveMs);
        try {
          await Promise.race([s.ready, s.crashed]);
          return await Promise.race([s.api.memory(), s.crashed, wait.done.then(() => Promise.reject(new Error('no answer')))]);
        } finally {
          wait.cancel();
        }
      }),
    );
    return answers.filter((a) => a.status === 'fulfilled').map((a) => a.value);
  }

  terminate(): void {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new CancelledError());
    for (const slot of this.slots) {
      slot.kill(new CancelledError());
      slot.worker.terminate();
    }
  }

  private spawn(): Slot {
    const worker = this.createWorker();
    const api = Comlink.wrap<AnalysisWorkerApi>(worker);
    let reject: (error: Error) => void = () => {};
    const crashed = new Promise<never>((_, r) => (reject = r));
    crashed.catch(() => {});
    const ready = Promise.race([api.init(this.init), crashed]);
    ready.then(
      () => (this.startCrashes = 0),
      () => {},
    );
    const slot: Slot = {
      worker,
      api,
      ready,
      busy: false,
      dead: false,
      crashed,
      kill(error) {
        slot.dead = true;
        reject(error);
      },
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      slot.kill(new WorkerCrashError(`The analysis of this photo stopped unexpectedly (${event.message || 'the worker crashed'}); the scan went on without it.`));
    });
    worker.addEventListener('messageerror', () => {
      slot.kill(new WorkerCrashError('The analysis of this photo sent back a result that could not be read; the scan went on without it.'));
    });
    return slot;
  }

  /** Puts a new worker where a dead one was. */
  private replace(dead: Slot): Slot {
    dead.worker.terminate();
    const slot = this.spawn();
    const i = this.slots.indexOf(dead);
    if (i >= 0) this.slots[i] = slot;
    this.restartCount++;
    return slot;
  }

  private pump(): void {
    for (let i = 0; i < this.slots.length && this.queue.length > 0; i++) {
      let slot = this.slots[i];
      if (slot.busy) continue;
      // A worker that died while idle (e.g. while starting) is replaced when work arrives.
      if (slot.dead) slot = this.replace(slot);
      const job = this.queue.shift()!;
      slot.busy = true;
      void this.run(slot, job);
    }
  }

  /**
   * Watches a busy worker: a heartbeat every few seconds, and a deadline for the photo.
   * Rejects with WorkerCrashError when the worker is gone or the photo takes too long.
   */
  private watch(slot: Slot): { gone: Promise<never>; stop(): void } {
    let stopped = false;
    let timer = delay(0);
    const { heartbeatMs, unresponsiveMs, photoDeadlineMs } = this.timings;
    const gone = new Promise<never>((_, reject) => {
      const started = performance.now();
      void (async () => {
        while (!stopped) {
          timer = delay(heartbeatMs);
          await timer.done;
          if (stopped) return;
          if (performance.now() - started > photoDeadlineMs) {
            reject(new WorkerCrashError(`Checking this photo took longer than ${Math.round(photoDeadlineMs / 60_000)} minutes, so it was skipped; the scan went on without it.`));
            return;
          }
          const asked = performance.now();
          timer = delay(unresponsiveMs);
          const answered = await Promise.race([slot.api.memory().then(() => true, () => true), timer.done.then(() => false)]);
          timer.cancel();
          if (stopped) return;
          const pageWasLate = performance.now() - asked - unresponsiveMs > PAGE_LATE_MS;
          if (!answered && !pageWasLate) {
            reject(new WorkerCrashError('The analysis of this photo stopped responding; the scan went on without it.'));
            return;
          }
        }
      })();
    });
    gone.catch(() => {});
    return {
      gone,
      stop() {
        stopped = true;
        timer.cancel();
      },
    };
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    job.detach();
    let watch: ReturnType<AnalysisPool['watch']> | null = null;
    try {
      try {
        await Promise.race([slot.ready, slot.crashed]);
      } catch (error) {
        // The worker died while starting, before it saw this photo: the photo is not to blame,
        // so it goes back to the front of the queue (unless starting keeps failing).
        if (error instanceof WorkerCrashError && !this.closed && ++this.startCrashes < MAX_START_CRASHES) {
          this.queue.unshift(job);
          return;
        }
        throw error;
      }
      watch = this.watch(slot);
      const result = await Promise.race([job.work(slot.api), slot.crashed, watch.gone]);
      job.resolve(result);
    } catch (error) {
      if (error instanceof WorkerCrashError) slot.kill(error);
      job.reject(error);
    } finally {
      watch?.stop();
      slot.busy = false;
      // Replaced now, not when the next photo comes, so the next scan finds a worker ready.
      if (slot.dead && !this.closed) this.replace(slot);
      if (!this.closed) this.pump();
    }
  }
}
