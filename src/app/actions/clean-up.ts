// What happens to the selected photos. In folder mode (photos opened with File System Access)
// they are moved to a "Blurry" sub-folder — the default, because it can be undone — or deleted,
// which puts them in the trash (trash.ts) after a confirmation that names the count and size. Photos that arrived as plain files
// (picked on a phone, dropped, shared) cannot be changed from a web page; for them the person
// gets a list to work through in the gallery app.
import type { HandleSource, Photo } from '../state/photo.ts';
import type { PhotoStore } from '../state/store.ts';
import type { ResultsDb } from '../storage/results-db.ts';
import { ensureWritable } from '../intake/fs-access.ts';
import { eachFile, moveFile, pruneEmptySideFolders, sideFolderFor, type Located } from './file-ops.ts';

export interface MoveRecord {
  key: string;
  /** Where the photo was before the move (parent folder and original name). */
  from: { parent: FileSystemDirectoryHandle; name: string };
}

export type Report = { done: Photo[]; failed: Array<{ photo: Photo; reason: string }> };

export type HandlePhoto = Photo & { source: HandleSource };

export const inFolder = (p: Photo): p is HandlePhoto => p.source?.kind === 'handle';

export function bytesOf(photos: readonly Photo[]): number {
  return photos.reduce((sum, p) => sum + p.size, 0);
}

/** Whether the page may change the folders these photos are in; asks the person if it has to. */
export async function mayChange(photos: readonly HandlePhoto[]): Promise<boolean> {
  for (const root of new Set(photos.map((p) => p.source.root))) if (!(await ensureWritable(root))) return false;
  return true;
}

export const NO_PERMISSION = 'permission to change the folder was not given';

export class CleanUp {
  /** The last move, for Undo. */
  private lastMove: MoveRecord[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: PhotoStore,
    private readonly db: ResultsDb,
  ) {}

  subscribe(listener: () => void): void {
    this.listeners.add(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  get canUndo(): number {
    return this.lastMove.length;
  }

  /** Selected photos that can be moved: in an opened folder and not moved already. */
  movable(): HandlePhoto[] {
    return this.store.selectedPhotos().filter((p): p is HandlePhoto => inFolder(p) && p.location === 'original');
  }

  deletable(): HandlePhoto[] {
    return this.store.selectedPhotos().filter(inFolder);
  }

  /** Selected photos the page cannot change: the person deletes them in the gallery. */
  galleryOnly(): Photo[] {
    return this.store.selectedPhotos().filter((p) => !inFolder(p));
  }

  async moveToBlurry(photos: HandlePhoto[], onProgress?: (done: number) => void): Promise<Report> {
    if (!(await mayChange(photos))) return { done: [], failed: photos.map((photo) => ({ photo, reason: NO_PERMISSION })) };
    const records: MoveRecord[] = [];
    const outcome = await eachFile(
      photos,
      async (photo) => {
        const source = photo.source;
        const target = await sideFolderFor(source);
        const moved = await moveFile({ handle: source.handle, parent: source.parent }, target);
        records.push({ key: photo.key, from: { parent: source.parent, name: source.handle.name } });
        this.relocate(photo, moved, 'blurry-folder');
      },
      onProgress,
    );
    this.lastMove = records;
    this.store.select(outcome.done.map((p) => p.key), false);
    this.changed();
    return { done: outcome.done, failed: outcome.failed.map((f) => ({ photo: f.item, reason: f.reason })) };
  }

  async undoMove(): Promise<Report> {
    const records = this.lastMove;
    const photos = records.map((r) => this.store.photos.get(r.key)).filter((p): p is HandlePhoto => p !== undefined && inFolder(p));
    if (!(await mayChange(photos))) return { done: [], failed: photos.map((photo) => ({ photo, reason: NO_PERMISSION })) };
    const outcome = await eachFile(records, async (record) => {
      const photo = this.store.photos.get(record.key);
      if (!photo || !inFolder(photo)) throw new Error('the photo is no longer known');
      const back = await moveFile({ handle: photo.source.handle, parent: photo.source.parent }, record.from.parent, record.from.name);
      this.relocate(photo, back, 'original');
      await pruneEmptySideFolders(photo.source);
    });
    this.lastMove = outcome.failed.map((f) => f.item);
    this.changed();
    const byKey = (r: MoveRecord) => this.store.photos.get(r.key)!;
    return { done: outcome.done.map(byKey), failed: outcome.failed.map((f) => ({ photo: byKey(f.item), reason: f.reason })) };
  }

  /** Forgets the undo of a move for photos that left the collection (put in the trash). */
  forget(keys: readonly string[]): void {
    const gone = new Set(keys);
    this.lastMove = this.lastMove.filter((r) => !gone.has(r.key));
    this.changed();
  }

  private relocate(photo: HandlePhoto, at: Located, location: Photo['location']): void {
    this.store.update(photo.key, { location, source: { ...photo.source, handle: at.handle, parent: at.parent } });
    void this.db.save(photo).catch(() => {});
  }
}
