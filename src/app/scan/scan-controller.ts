// Runs scans: merges new photos with what the store and the database already know, feeds the
// unknown ones to the worker pool with back-pressure, and files each outcome the moment it
// arrives (store for the screen, IndexedDB for the next visit). Photos added while a scan runs
// join it instead of starting a second one.
import { streamPhotos, type StreamControl, type StreamOutcome } from '../../bridge/photo-stream.ts';
import type { AnalysisPool } from '../../bridge/pool.ts';
import type { WorkerReady } from '../../bridge/types.ts';
import type { Collected } from '../intake/collect.ts';
import { newPhoto, photoKey, readPhoto, type Photo } from '../state/photo.ts';
import type { PhotoStore } from '../state/store.ts';
import { fromStored, type ResultsDb } from '../storage/results-db.ts';
import { thumbnailHash } from '../bursts/thumbnail-hash.ts';
import { captureTime } from './capture-time.ts';
import { RateMeter } from './rate-meter.ts';
import { showStorageNotice } from '../ui/storage-notice.ts';

/** Long side of grid thumbnails: three columns on a 390 px phone at 2x need ~250 px. */
export const THUMBNAIL_LONG_SIDE = 256;

export type ScanState = 'idle' | 'preparing' | 'scanning' | 'pausing' | 'paused' | 'cancelled' | 'done';

export interface ScanProgress {
  state: ScanState;
  /** Photos in the current run (new to the analysis, not counting remembered ones). */
  queued: number;
  /** Photos of the current run with an outcome. */
  finished: number;
  /** Photos recognised from an earlier scan and not analysed again, in the current run. */
  skipped: number;
  /** Photos per second and seconds left, when known. */
  rate: number;
  secondsLeft: number | null;
  ready: WorkerReady | null;
  /** When (performance.now()) the detector began loading; null before that and once it is ready or failed. */
  loadingSince: number | null;
  /** Why the detector could not start, when it could not. */
  failure: string | null;
}

interface QueueItem {
  key: string;
  name: string;
  file: Blob;
}

export class ScanController {
  private readonly queue: Photo[] = [];
  private control: StreamControl | null = null;
  private meter = new RateMeter();
  private readonly listeners = new Set<() => void>();
  private progressValue: ScanProgress = {
    state: 'idle', queued: 0, finished: 0, skipped: 0, rate: 0, secondsLeft: null, ready: null, loadingSince: null, failure: null,
  };
  /** Photos handed to the pool and not yet back. */
  private inFlight = 0;
  /**
   * Pausing happens here, in the source: streamPhotos pulls a photo only when a worker is about
   * to be free, so a paused source leaves no photo read but unanalysed all pause long.
   */
  private paused = false;
  private wake: (() => void) | null = null;
  /**
   * Outcomes being filed. Filing awaits the thumbnail hash before the store hears of the photo,
   * so the pool can report the run over while its last photos are still on their way to the
   * screen; the run is only declared done or cancelled once these have landed.
   */
  private readonly filing = new Set<Promise<void>>();

  constructor(
    private readonly store: PhotoStore,
    private readonly db: ResultsDb,
    private readonly pool: () => AnalysisPool,
  ) {
    // Saving is this controller's side effect, so it owns telling the person when saving stops;
    // the results stay in the store and the scan carries on.
    db.onWriteFailure((failure) => showStorageNotice(failure));
  }

  get progress(): ScanProgress {
    return this.progressValue;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<ScanProgress>): void {
    this.progressValue = { ...this.progressValue, ...patch };
    for (const l of this.listeners) l();
  }

  get running(): boolean {
    return this.control !== null;
  }

  /**
   * Adds photos to the collection. Known photos (same key, analysed by the current detector)
   * are shown from memory; the rest are analysed. Returns how many were new.
   */
  async add(collected: Collected[]): Promise<{ added: number; known: number }> {
    const unique = new Map<string, Collected>();
    for (const c of collected) unique.set(photoKey(c.file), c);
    const keys = [...unique.keys()];
    const [stored, detector] = await Promise.all([this.db.getMany(keys.filter((k) => !this.store.photos.has(k))), this.db.getMeta('detector')]);
    const fresh: Photo[] = [];
    const restored: Photo[] = [];
    /** Photos on screen that get their file back (a photo left unchecked by a reload, one remembered). */
    const reattached: Photo[] = [];
    let known = 0;
    for (const [key, c] of unique) {
      const existing = this.store.photos.get(key);
      if (existing) {
        reattached.push(existing);
        // Same photo picked again: attach the file (a folder handle beats a plain file).
        if (!existing.source || c.source.kind === 'handle') existing.source = c.source;
        existing.fromFolder = existing.fromFolder || c.source.kind === 'handle';
        existing.folder = c.folder || existing.folder;
        if (existing.outcome.kind === 'done') known++;
        else if (!this.queue.includes(existing)) {
          existing.outcome = { kind: 'pending' };
          fresh.push(existing);
        }
        continue;
      }
      const memory = stored.get(key);
      if (memory && memory.outcome.kind === 'done' && (!detector || memory.outcome.analysis.detector === detector)) {
        restored.push({ ...fromStored(memory), source: c.source, folder: c.folder || memory.folder, fromFolder: c.source.kind === 'handle' });
        known++;
      } else {
        fresh.push(newPhoto(c.file, c.source, c.folder));
      }
    }
    this.store.put([...restored, ...fresh.filter((p) => !this.store.photos.has(p.key)), ...reattached]);
    void this.rememberCollection();
    this.enqueue(fresh, known);
    return { added: fresh.length, known };
  }

  /** Analyses the photos of the collection that have no result yet (after a cancel, or errors to retry). */
  checkRemaining(includeErrors = false): void {
    const rest = [...this.store.photos.values()].filter(
      (p) => p.source && (p.outcome.kind === 'pending' || (includeErrors && p.outcome.kind === 'error')) && !this.queue.includes(p),
    );
    for (const p of rest) p.outcome = { kind: 'pending' };
    this.enqueue(rest, 0);
  }

  private enqueue(photos: Photo[], known: number): void {
    const starting = !this.control;
    if (starting) {
      this.meter = new RateMeter();
      this.set({ queued: 0, finished: 0, skipped: 0, rate: 0, secondsLeft: null });
    }
    this.queue.push(...photos);
    this.set({ queued: this.progressValue.queued + photos.length, skipped: this.progressValue.skipped + known });
    if (starting && this.queue.length > 0) this.start();
    else if (starting) this.set({ state: this.store.photos.size > 0 ? 'done' : 'idle' });
  }

  /**
   * Starts the workers and loads the detector before any photo is added (the app calls this in
   * idle time after its first paint), so the first scan does not wait for it.
   */
  prepare(): void {
    this.loadDetector(this.pool());
  }

  private loadDetector(pool: AnalysisPool): void {
    if (this.progressValue.ready || this.progressValue.loadingSince != null) return;
    this.set({ loadingSince: performance.now(), failure: null });
    pool.ready().then(
      (ready) => {
        this.set({ ready, loadingSince: null, state: this.progressValue.state === 'preparing' ? 'scanning' : this.progressValue.state });
        void this.db.setMeta('detector', ready.detector);
      },
      (error: unknown) => {
        const reason = error instanceof AggregateError ? error.errors[0] : error;
        this.set({ loadingSince: null, failure: reason instanceof Error ? reason.message : String(reason) });
      },
    );
  }

  private start(): void {
    const pool = this.pool();
    this.set({ state: this.progressValue.ready ? 'scanning' : 'preparing', failure: null });
    this.loadDetector(pool);
    const control = streamPhotos(pool, this.items(), (outcome) => this.track(this.file(outcome)), { thumbnail: THUMBNAIL_LONG_SIDE });
    this.control = control;
    void control.done.then(async ({ cancelled }) => {
      await Promise.allSettled(this.filing);
      this.control = null;
      this.inFlight = 0;
      this.paused = false;
      // Photos added after the pool ran dry but before the run closed join a continuation of it.
      if (!cancelled && this.queue.length > 0) return this.start();
      this.queue.length = 0;
      this.set({ state: cancelled ? 'cancelled' : 'done', rate: 0, secondsLeft: null });
    });
  }

  private track(filing: Promise<void>): void {
    this.filing.add(filing);
    void filing.catch(() => {}).finally(() => this.filing.delete(filing));
  }

  /** Pulled by streamPhotos only when a worker is about to be free. */
  private async *items(): AsyncGenerator<QueueItem> {
    while (this.queue.length > 0) {
      while (this.paused) await new Promise<void>((resolve) => (this.wake = resolve));
      const photo = this.queue.shift();
      if (!photo) return;
      if (!this.store.photos.has(photo.key) || !photo.source) continue;
      let file: File;
      try {
        file = await readPhoto(photo.source);
      } catch (error) {
        this.fail(photo, `The file could not be read any more (${error instanceof Error ? error.message : String(error)}).`);
        continue;
      }
      photo.takenAt = await captureTime(file);
      this.inFlight++;
      yield { key: photo.key, name: photo.name, file };
    }
  }

  private fail(photo: Photo, message: string): void {
    this.store.update(photo.key, { outcome: { kind: 'error', message } });
    void this.db.save(photo); // never rejects: failures are reported through onWriteFailure
    this.tick();
  }

  private async file(outcome: StreamOutcome<QueueItem>): Promise<void> {
    this.inFlight = Math.max(0, this.inFlight - 1);
    const photo = this.store.photos.get(outcome.item.key);
    if (!photo) return;
    if (outcome.ok) {
      const { analysis, thumbnail } = outcome.result;
      const hash = thumbnail ? await thumbnailHash(thumbnail).catch(() => null) : null;
      this.store.update(photo.key, { outcome: { kind: 'done', analysis }, thumbnail: thumbnail ?? null, hash });
    } else {
      this.store.update(photo.key, { outcome: { kind: 'error', message: outcome.error } });
    }
    this.tick();
    await this.db.save(photo);
  }

  private tick(): void {
    this.meter.record();
    const finished = this.progressValue.finished + 1;
    const remaining = Math.max(0, this.progressValue.queued - finished);
    const state = this.progressValue.state === 'pausing' && this.inFlight === 0 ? 'paused' : this.progressValue.state;
    this.set({ finished, rate: this.meter.rate(), secondsLeft: this.meter.secondsLeft(remaining), state: state === 'preparing' ? 'scanning' : state });
  }

  pause(): void {
    if (!this.control || this.paused) return;
    this.paused = true;
    this.meter.pause();
    this.set({ state: this.inFlight > 0 ? 'pausing' : 'paused' });
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.meter.resume();
    this.wake?.();
    this.wake = null;
    this.set({ state: 'scanning' });
  }

  cancel(): void {
    if (!this.control) return;
    this.queue.length = 0;
    this.control.cancel();
    this.paused = false;
    this.wake?.();
    this.wake = null;
  }

  /**
   * Writes down the keys on screen, and which came from an opened folder: after a reload mid-scan
   * the ones without a stored result are the photos never checked, and only those from a folder
   * can be read again without the person picking them.
   */
  async rememberCollection(): Promise<void> {
    const photos = [...this.store.photos.values()];
    await Promise.all([
      this.db.setMeta('collection', photos.map((p) => p.key)),
      this.db.setMeta('fromFolder', photos.filter((p) => p.fromFolder).map((p) => p.key)),
    ]).catch(() => {});
  }
}
