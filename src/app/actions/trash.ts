// Delete in folder mode, as people know it from their gallery and file manager: deleted photos go
// to a trash they can restore from, and the space comes back when they empty it. The File System
// Access API has no way to reach the system's Recycle Bin / Trash (removeEntry() deletes for
// good), so the trash is a folder inside the opened folder, root/"Blur Finder trash"/<path>,
// which the scan never reads. Emptying it is the one permanent step, and its confirmation says so.
import type { PhotoStore } from '../state/store.ts';
import type { ResultsDb } from '../storage/results-db.ts';
import { TRASH_FOLDER } from '../intake/image-files.ts';
import { directoryEntries, ensureWritable, isDirectoryHandle, isFileHandle } from '../intake/fs-access.ts';
import { eachFile, moveFile, sideFolderFor, type Located } from './file-ops.ts';
import { mayChange, NO_PERMISSION, type HandlePhoto, type Report } from './clean-up.ts';

/** Android gallery apps skip a folder holding this file, so trashed photos leave the gallery at once. */
const NO_MEDIA = '.nomedia';

interface TrashedFile extends Located {
  /** Folders from the trash's top down to the file: the same as from the opened folder to where it was. */
  path: string[];
  size: number;
}

async function trashedFiles(root: FileSystemDirectoryHandle): Promise<TrashedFile[]> {
  const found: TrashedFile[] = [];
  const walk = async (dir: FileSystemDirectoryHandle, path: string[]) => {
    for await (const entry of directoryEntries(dir)) {
      if (isDirectoryHandle(entry)) await walk(entry, [...path, entry.name]);
      else if (isFileHandle(entry) && entry.name !== NO_MEDIA) found.push({ handle: entry, parent: dir, path, size: (await entry.getFile()).size });
    }
  };
  const top = await root.getDirectoryHandle(TRASH_FOLDER).catch(() => null);
  if (top) await walk(top, []);
  return found;
}

export class Trash {
  /** The last photos put in the trash, as they were, for Undo. */
  private lastBatch: Array<{ photo: HandlePhoto; at: Located }> = [];
  private rootValue: FileSystemDirectoryHandle | null = null;
  count = 0;
  bytes = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: PhotoStore,
    private readonly db: ResultsDb,
    /** Called when photos leave or rejoin the collection, so it is remembered as it is. */
    private readonly collectionChanged: () => void,
  ) {}

  subscribe(listener: () => void): void {
    this.listeners.add(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  get root(): FileSystemDirectoryHandle | null {
    return this.rootValue;
  }

  get canUndo(): number {
    return this.lastBatch.length;
  }

  /** Counts what the trash of `root` holds (the folder the person opened). */
  async look(root: FileSystemDirectoryHandle): Promise<void> {
    const files = await trashedFiles(root).catch(() => []);
    this.rootValue = root;
    this.count = files.length;
    this.bytes = files.reduce((sum, f) => sum + f.size, 0);
    this.changed();
  }

  /** Moves photos into the trash; they leave the screen, their results stay remembered. */
  async put(photos: HandlePhoto[], onProgress?: (done: number) => void): Promise<Report> {
    if (!(await mayChange(photos))) return { done: [], failed: photos.map((photo) => ({ photo, reason: NO_PERMISSION })) };
    const batch: Array<{ photo: HandlePhoto; at: Located }> = [];
    const marked = new Set<FileSystemDirectoryHandle>();
    const outcome = await eachFile(
      photos,
      async (photo) => {
        const { source } = photo;
        if (!marked.has(source.root)) {
          marked.add(source.root);
          const top = await source.root.getDirectoryHandle(TRASH_FOLDER, { create: true });
          await top.getFileHandle(NO_MEDIA, { create: true }).catch(() => null);
        }
        const at = await moveFile({ handle: source.handle, parent: source.parent }, await sideFolderFor(source, TRASH_FOLDER));
        batch.push({ photo: { ...photo, source: { ...source } }, at });
      },
      onProgress,
    );
    this.lastBatch = batch;
    this.store.remove(outcome.done.map((p) => p.key));
    this.collectionChanged();
    await this.look(photos[0].source.root);
    return { done: outcome.done, failed: outcome.failed.map((f) => ({ photo: f.item, reason: f.reason })) };
  }

  /** Puts the last batch back where it was, and on screen as it was (no new scan). */
  async undo(): Promise<Report> {
    const batch = this.lastBatch;
    if (!(await mayChange(batch.map((b) => b.photo)))) return { done: [], failed: batch.map(({ photo }) => ({ photo, reason: NO_PERMISSION })) };
    const outcome = await eachFile(batch, async ({ photo, at }) => {
      const back = await moveFile(at, photo.source.parent, photo.source.handle.name);
      this.store.put([{ ...photo, source: { ...photo.source, handle: back.handle, parent: back.parent } }]);
    });
    this.lastBatch = outcome.failed.map((f) => f.item);
    this.collectionChanged();
    if (this.rootValue) await this.tidy(this.rootValue);
    return { done: outcome.done.map((b) => b.photo), failed: outcome.failed.map((f) => ({ photo: f.item.photo, reason: f.reason })) };
  }

  /**
   * Moves everything in the trash back to where it was (a free name if that is taken) and returns
   * the restored files, for the page to add to the collection again.
   */
  async restoreAll(): Promise<{ restored: Array<Located & { path: string[] }>; failed: string[] }> {
    const root = this.rootValue;
    if (!root || !(await ensureWritable(root))) return { restored: [], failed: [NO_PERMISSION] };
    const restored: Array<Located & { path: string[] }> = [];
    const outcome = await eachFile(await trashedFiles(root), async (file) => {
      let dir = root;
      for (const part of file.path) dir = await dir.getDirectoryHandle(part, { create: true });
      // moveFile takes a free name if one was used meanwhile ("IMG_1 (2).jpg").
      const back = await moveFile(file, dir);
      restored.push({ ...back, path: file.path });
    });
    this.lastBatch = [];
    await this.tidy(root);
    return { restored, failed: outcome.failed.map((f) => `${f.item.handle.name}: ${f.reason}`) };
  }

  /** Deletes everything in the trash for good. The caller has asked the person first. */
  async empty(onProgress?: (done: number) => void): Promise<{ deleted: number; bytes: number; failed: string[] }> {
    const root = this.rootValue;
    if (!root || !(await ensureWritable(root))) return { deleted: 0, bytes: 0, failed: [NO_PERMISSION] };
    const files = await trashedFiles(root);
    const outcome = await eachFile(files, (file) => file.parent.removeEntry(file.handle.name), onProgress);
    // Results of photos trashed in this visit go too; older ones are only known by their file now.
    const keys: string[] = [];
    for (const b of this.lastBatch) {
      for (const f of outcome.done) if (await f.handle.isSameEntry(b.at.handle).catch(() => false)) keys.push(b.photo.key);
    }
    this.lastBatch = [];
    await this.db.delete(keys).catch(() => {});
    await this.tidy(root);
    return { deleted: outcome.done.length, bytes: outcome.done.reduce((sum, f) => sum + f.size, 0), failed: outcome.failed.map((f) => `${f.item.handle.name}: ${f.reason}`) };
  }

  /** Removes the trash folder once it holds no photo any more, then recounts. */
  private async tidy(root: FileSystemDirectoryHandle): Promise<void> {
    // Recursive removal is safe only because nothing but empty folders and the marker is left.
    if ((await trashedFiles(root).catch(() => [null])).length === 0) await root.removeEntry(TRASH_FOLDER, { recursive: true }).catch(() => {});
    await this.look(root);
  }
}
