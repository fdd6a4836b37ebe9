// Memory of work: every result is saved the moment it arrives, so a closed tab or a crash
// loses at most the photo in flight. Keyed by name + size + lastModified, which survives
// re-picking the same files or reopening the same folder.
import { openDB, deleteDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Outcome, Photo } from '../state/photo.ts';

const DB_NAME = 'blur-finder';
const DB_VERSION = 1;

/** A photo as IndexedDB keeps it: everything but the live file, once it has an outcome. */
export type StoredPhoto = Omit<Photo, 'outcome' | 'source'> & {
  outcome: Exclude<Outcome, { kind: 'pending' }>;
  savedAt: number;
};

interface MetaValues {
  /** Keys of the photos on screen when the page was last used, in no particular order. */
  collection: string[];
  /** Keys of the collection that came from an opened folder (readable again after a reload). */
  fromFolder: string[];
  /** The detector whose results are stored; a better model makes older results stale. */
  detector: string;
  /** The folder last opened with the folder picker, to reconnect without picking again. */
  folder: FileSystemDirectoryHandle;
}

interface Schema extends DBSchema {
  results: { key: string; value: StoredPhoto };
  meta: { key: keyof MetaValues; value: MetaValues[keyof MetaValues] };
}

export function toStored(photo: Photo): StoredPhoto | null {
  if (photo.outcome.kind === 'pending') return null;
  return {
    key: photo.key,
    name: photo.name,
    folder: photo.folder,
    size: photo.size,
    lastModified: photo.lastModified,
    type: photo.type,
    takenAt: photo.takenAt,
    outcome: photo.outcome,
    thumbnail: photo.thumbnail,
    hash: photo.hash,
    location: photo.location,
    savedAt: Date.now(),
  };
}

export function fromStored(stored: StoredPhoto): Photo {
  return { ...stored, source: null };
}

/** Why a write to the database failed; `full` when the browser's storage quota ran out. */
export interface WriteFailure {
  full: boolean;
  message: string;
}

/**
 * Where IndexedDB is unavailable (blocked storage, some private modes) the app still works: results
 * last as long as the page, and `persistent` is false so the page can say so.
 *
 * Writes never reject: a failed write (quota, disk error) leaves the result on screen, tells the
 * `onWriteFailure` listeners once per session, and after a full quota no further writes are tried:
 * every later result would fail the same way, each costing a transaction, and quota seldom frees
 * while the page is open. Other errors may be peculiar to one photo, so later photos are still saved.
 */
export class ResultsDb {
  private writesStopped = false;
  private failureReported = false;
  private readonly failureListeners = new Set<(failure: WriteFailure) => void>();

  private constructor(private db: IDBPDatabase<Schema> | null) {}

  get persistent(): boolean {
    return this.db !== null && !this.writesStopped;
  }

  /** Called at most once per session (again after destroy()/reopen()), on the first failed write. */
  onWriteFailure(listener: (failure: WriteFailure) => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  private async write(run: (db: IDBPDatabase<Schema>) => Promise<unknown>): Promise<void> {
    if (!this.db || this.writesStopped) return;
    try {
      await run(this.db);
    } catch (error) {
      this.writeFailed(error);
    }
  }

  private writeFailed(error: unknown): void {
    const full = isQuotaError(error);
    if (full) this.writesStopped = true;
    if (this.failureReported) return;
    this.failureReported = true;
    const failure = { full, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    for (const listener of this.failureListeners) listener(failure);
  }

  static async open(): Promise<ResultsDb> {
    try {
      return new ResultsDb(await openSchema());
    } catch {
      return new ResultsDb(null);
    }
  }

  async save(photo: Photo): Promise<void> {
    const stored = toStored(photo);
    if (stored) await this.write((db) => putInTransaction(db, 'results', stored));
  }

  async get(key: string): Promise<StoredPhoto | undefined> {
    return this.db?.get('results', key);
  }

  async getMany(keys: readonly string[]): Promise<Map<string, StoredPhoto>> {
    const map = new Map<string, StoredPhoto>();
    if (!this.db) return map;
    const tx = this.db.transaction('results');
    const found = await Promise.all(keys.map((k) => tx.store.get(k)));
    await tx.done;
    for (const s of found) if (s) map.set(s.key, s);
    return map;
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (!this.db) return;
    const tx = this.db.transaction('results', 'readwrite');
    await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
  }

  async count(): Promise<number> {
    return this.db ? this.db.count('results') : 0;
  }

  async getMeta<K extends keyof MetaValues>(name: K): Promise<MetaValues[K] | undefined> {
    return (await this.db?.get('meta', name)) as MetaValues[K] | undefined;
  }

  async setMeta<K extends keyof MetaValues>(name: K, value: MetaValues[K]): Promise<void> {
    await this.write((db) => putInTransaction(db, 'meta', value, name));
  }

  /**
   * The last visit's collection: the photos with a stored result, and the keys of those that were
   * never checked (the page closed mid-scan), with those that came from an opened folder marked.
   */
  async lastCollection(): Promise<{ stored: StoredPhoto[]; unchecked: string[]; fromFolder: Set<string> }> {
    const [keys, fromFolder] = await Promise.all([this.getMeta('collection'), this.getMeta('fromFolder')]);
    const stored = await this.getMany(keys ?? []);
    return { stored: [...stored.values()], unchecked: (keys ?? []).filter((k) => !stored.has(k)), fromFolder: new Set(fromFolder ?? []) };
  }

  /** Forgets everything: results, thumbnails, the remembered folder. */
  async destroy(): Promise<void> {
    this.db?.close();
    this.db = null;
    await deleteDB(DB_NAME);
  }

  /** Reopens after destroy(), so the page keeps working without a reload. */
  async reopen(): Promise<void> {
    this.db = await openSchema().catch(() => null);
    // Clearing freed the space, so writing is worth trying (and reporting) again.
    this.writesStopped = false;
    this.failureReported = false;
  }
}

function openSchema(): Promise<IDBPDatabase<Schema>> {
  return openDB<Schema>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('results', { keyPath: 'key' });
      db.createObjectStore('meta');
    },
  });
}

/**
 * One put in its own transaction, failing with the transaction's error: a quota overrun aborts
 * the transaction with QuotaExceededError while the request itself only reports AbortError.
 */
async function putInTransaction<S extends 'results' | 'meta'>(db: IDBPDatabase<Schema>, store: S, value: Schema[S]['value'], key?: Schema[S]['key']): Promise<void> {
  const tx = db.transaction(store, 'readwrite');
  try {
    await Promise.all([tx.store.put(value, key), tx.done]);
  } catch (error) {
    throw tx.error ?? error;
  }
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}
