// Turns whatever the person gave us — picked files, a dropped mix of files and folders, a
// chosen folder — into a flat list of photos, walking folders recursively. Folders opened
// through File System Access keep their handles, so the photos can be moved or deleted later.
import type { PhotoSource } from '../state/photo.ts';
import { directoryEntries, dropItemHandle, isDirectoryHandle, isFileHandle } from './fs-access.ts';
import { isPhotoFile, SKIPPED_FOLDERS } from './image-files.ts';

export interface Collected {
  file: File;
  source: PhotoSource;
  /** '/'-separated folders from the chosen folder down to the file ('' at the top). */
  folder: string;
}

export interface CollectResult {
  photos: Collected[];
  /** Files that were not photos (documents, videos), so the person hears why they are missing. */
  skipped: number;
  /** Folders opened with handles; remembered so the person can reconnect later. */
  roots: FileSystemDirectoryHandle[];
}

const empty = (): CollectResult => ({ photos: [], skipped: 0, roots: [] });

function merge(into: CollectResult, from: CollectResult): CollectResult {
  into.photos.push(...from.photos);
  into.skipped += from.skipped;
  into.roots.push(...from.roots);
  return into;
}

/** Walks a directory handle; `folder` starts with the root's own name, `source.path` does not. */
export async function walkDirectoryHandle(
  root: FileSystemDirectoryHandle,
  dir: FileSystemDirectoryHandle = root,
  path: string[] = [],
): Promise<CollectResult> {
  const result = empty();
  for await (const entry of directoryEntries(dir)) {
    if (isDirectoryHandle(entry)) {
      if (SKIPPED_FOLDERS.has(entry.name) || entry.name.startsWith('.')) continue;
      merge(result, await walkDirectoryHandle(root, entry, [...path, entry.name]));
    } else if (isFileHandle(entry)) {
      if (!isPhotoFile(entry.name, '')) {
        result.skipped++;
        continue;
      }
      const file = await entry.getFile();
      const folder = [root.name, ...path].filter(Boolean).join('/');
      result.photos.push({ file, folder, source: { kind: 'handle', handle: entry, parent: dir, root, path } });
    }
  }
  return result;
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries returns at most ~100 entries per call; keep calling until it returns none.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Walks a dropped entry (the older, read-only API every Chromium/WebKit/Gecko has). */
export async function walkEntry(entry: FileSystemEntry, path: string[] = []): Promise<CollectResult> {
  const result = empty();
  if (entry.isFile) {
    const file = await entryFile(entry as FileSystemFileEntry);
    if (isPhotoFile(file.name, file.type)) result.photos.push({ file, folder: path.join('/'), source: { kind: 'file', file } });
    else result.skipped++;
  } else if (entry.isDirectory) {
    if (SKIPPED_FOLDERS.has(entry.name) && path.length > 0) return result;
    const children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
    for (const child of children) merge(result, await walkEntry(child, [...path, entry.name]));
  }
  return result;
}

export function collectFiles(files: Iterable<File>): CollectResult {
  const result = empty();
  for (const file of files) {
    if (!isPhotoFile(file.name, file.type)) {
      result.skipped++;
      continue;
    }
    // A webkitdirectory pick names each file by its path under the chosen folder.
    const relative = file.webkitRelativePath || '';
    const folder = relative.split('/').slice(0, -1).join('/');
    if (relative.split('/').slice(1, -1).some((part) => SKIPPED_FOLDERS.has(part))) continue;
    result.photos.push({ file, folder, source: { kind: 'file', file } });
  }
  return result;
}

/**
 * Reads a drop. Every DataTransferItem call must start inside the drop event (the transfer is
 * emptied afterwards), so handles and entries are requested synchronously here, then awaited.
 * Folders dropped in Chromium arrive as handles (movable); elsewhere as read-only entries.
 */
export function collectDrop(transfer: DataTransfer): Promise<CollectResult> {
  const items = [...transfer.items].filter((item) => item.kind === 'file');
  const plainFiles = [...transfer.files];
  const pending = items.map((item) => ({ handle: dropItemHandle(item), entry: item.webkitGetAsEntry?.() ?? null, file: item.getAsFile() }));
  return (async () => {
    const result = empty();
    let understood = 0;
    for (const p of pending) {
      const handle = p.handle ? await p.handle : null;
      if (handle && isDirectoryHandle(handle)) {
        result.roots.push(handle);
        merge(result, await walkDirectoryHandle(handle));
        understood++;
      } else if (p.entry) {
        merge(result, await walkEntry(p.entry));
        understood++;
      } else if (p.file) {
        merge(result, collectFiles([p.file]));
        understood++;
      }
    }
    return understood > 0 ? result : collectFiles(plainFiles);
  })();
}
