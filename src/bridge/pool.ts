// One typed bridge to N analysis workers. Jobs queue here; each worker runs one photo at a
// time, so at most N full-size bitmaps exist at once. A worker that dies is replaced and
// only its photo fails.
import * as Comlink from 'comlink';
import type { AnalysisWorkerApi, AnalyzeOptions, PhotoAnalysis, WorkerInit, WorkerReady } from './types.ts';

export type WorkerFactory = () => Worker;

interface Slot {
  worker: Worker;
  api: Comlink.Remote<AnalysisWorkerApi>;
  ready: Promise<WorkerReady>;
  busy: boolean;
  /** Rejects the job in flight when the worker crashes. */
  crashed: Promise<never>;
}

interface Job {
  file: Blob;
  options: AnalyzeOptions;
  resolve(result: PhotoAnalysis): void;
  reject(error: unknown): void;
  signal?: AbortSignal;
}

export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('The scan was cancelled.');
  }
}

export class WorkerCrashError extends Error {
  override name = 'WorkerCrashError';
}

export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  // One core stays with the page so scrolling and the review grid stay smooth on big CPUs.
  return Math.max(1, Math.min(cores > 4 ? cores - 1 : cores, 8));
}

export class AnalysisPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly init: WorkerInit;
  private readonly createWorker: WorkerFactory;
  private closed = false;

  constructor(createWorker: WorkerFactory, init: WorkerInit, size = defaultPoolSize()) {
    this.createWorker = createWorker;
    this.init = init;
    this.size = size;
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

  analyze(file: Blob, options: AnalyzeOptions = {}, signal?: AbortSignal): Promise<PhotoAnalysis> {
    if (this.closed) return Promise.reject(new Error('The analysis pool was closed.'));
    if (signal?.aborted) return Promise.reject(new CancelledError());
    return new Promise<PhotoAnalysis>((resolve, reject) => {
      const job: Job = { file, options, resolve, reject, signal };
      signal?.addEventListener('abort', () => {
        const i = this.queue.indexOf(job);
        if (i >= 0) {
          this.queue.splice(i, 1);
          reject(new CancelledError());
        }
      });
      this.queue.push(job);
      this.pump();
    });
  }

  /** Asks every worker (or the first ready one) how many tensors it holds. */
  async memory(): Promise<Array<{ tensors: number; tfBytes: number }>> {
    return Promise.all(this.slots.map(async (s) => (await s.ready, s.api.memory())));
  }

  terminate(): void {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new CancelledError());
    for (const slot of this.slots) slot.worker.terminate();
  }

  private spawn(): Slot {
    const worker = this.createWorker();
    const api = Comlink.wrap<AnalysisWorkerApi>(worker);
    let fail: (error: Error) => void = () => {};
    const crashed = new Promise<never>((_, reject) => {
      fail = reject;
    });
    crashed.catch(() => {});
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail(new WorkerCrashError(`The analysis worker crashed: ${event.message || 'unknown error'}`));
    });
    const ready = Promise.race([api.init(this.init), crashed]);
    ready.catch(() => {});
    return { worker, api, ready, busy: false, crashed };
  }

  private pump(): void {
    for (let i = 0; i < this.slots.length && this.queue.length > 0; i++) {
      const slot = this.slots[i];
      if (slot.busy) continue;
      const job = this.queue.shift()!;
      slot.busy = true;
      void this.run(i, slot, job);
    }
  }

  private async run(index: number, slot: Slot, job: Job): Promise<void> {
    try {
      await Promise.race([slot.ready, slot.crashed]);
      const result = await Promise.race([slot.api.analyzePhoto(job.file, job.options), slot.crashed]);
      job.resolve(result);
    } catch (error) {
      job.reject(error);
      if (error instanceof WorkerCrashError && !this.closed) {
        slot.worker.terminate();
        this.slots[index] = this.spawn();
      }
    } finally {
      slot.busy = false;
      if (!this.closed) this.pump();
    }
  }
}
