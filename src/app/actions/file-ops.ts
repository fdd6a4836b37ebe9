// Moving and deleting photos in a folder the person opened. A move is copy -> verify -> remove:
// the original is removed only after the copy reads back at the same size, so an interrupted
// move (tab closed, battery dead, disk full) leaves the original in place and never loses a photo.
// createWritable() writes to a temporary file that replaces the target only on close(), so a
// half-written copy never appears under the photo's name either.
import type { HandleSource } from '../state/photo.ts';
import { BLURRY_FOLDER } from '../intake/image-files.ts';

export interface Located {
  handle: FileSystemFileHandle;
  parent: FileSystemDirectoryHandle;
}

async function exists(dir: FileSystemDirectoryHandle, name: string): Promise<FileSystemFileHandle | null> {
  try {
    return await dir.getFileHandle(name);
  } catch {
    return null;
  }
}

async function sameBytes(a: File, b: File): Promise<boolean> {
  if (a.size !== b.size) return false;
  const [x, y] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
  const u = new Uint8Array(x);
  const v = new Uint8Array(y);
  for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return false;
  return true;
}

/** "IMG_1.jpg", then "IMG_1 (2).jpg", ... — the first name not taken in `dir`. */
export async function freeName(dir: FileSystemDirectoryHandle, name: string): Promise<string> {
  if (!(await exists(dir, name))) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!(await exists(dir, candidate))) return candidate;
  }
}

/** Moves one file into `target` (copy, verify, remove) and returns where it now lives. */
export async function moveFile(from: Located, target: FileSystemDirectoryHandle, preferredName = from.handle.name): Promise<Located> {
  const original = await from.handle.getFile();
  // A copy left by an interrupted earlier move is reused rather than duplicated.
  const leftover = await exists(target, preferredName);
  let copy: FileSystemFileHandle;
  if (leftover && (await sameBytes(await leftover.getFile(), original))) {
    copy = leftover;
  } else {
    const name = await freeName(target, preferredName);
    copy = await target.getFileHandle(name, { create: true });
    const writable = await copy.createWritable();
    try {
      await writable.write(original);
      await writable.close();
    } catch (error) {
      await writable.abort().catch(() => {});
      await target.removeEntry(name).catch(() => {});
      throw error;
    }
  }
  const written = await copy.getFile();
  if (written.size !== original.size) {
    await target.removeEntry(copy.name).catch(() => {});
    throw new Error(`the copy has ${written.size} bytes instead of ${original.size}; the original was left in place`);
  }
  await from.parent.removeEntry(from.handle.name);
  return { handle: copy, parent: target };
}

/**
 * root/<top>/<same sub-folders> (top: "Blurry", or the trash), created as needed, so photos from
 * different folders never collide and each can go back where it came from.
 */
export async function sideFolderFor(source: HandleSource, top = BLURRY_FOLDER): Promise<FileSystemDirectoryHandle> {
  let dir = await source.root.getDirectoryHandle(top, { create: true });
  for (const part of source.path) dir = await dir.getDirectoryHandle(part, { create: true });
  return dir;
}

/** After an undo: removes root/<top>/<path> folders that are now empty (never one with files). */
export async function pruneEmptySideFolders(source: HandleSource, top = BLURRY_FOLDER): Promise<void> {
  const chain: FileSystemDirectoryHandle[] = [source.root];
  try {
    let dir = await source.root.getDirectoryHandle(top);
    chain.push(dir);
    for (const part of source.path) chain.push((dir = await dir.getDirectoryHandle(part)));
  } catch {
    return;
  }
  const names = [top, ...source.path];
  for (let i = chain.length - 1; i >= 1; i--) {
    // removeEntry without { recursive } refuses a folder that still holds anything.
    const removed = await chain[i - 1].removeEntry(names[i - 1]).then(() => true, () => false);
    if (!removed) return;
  }
}

export async function deleteFile(at: Located): Promise<void> {
  await at.parent.removeEntry(at.handle.name);
}

export interface OpOutcome<T> {
  done: T[];
  failed: Array<{ item: T; reason: string }>;
}

/** Runs `op` on each item in turn (files on one disk gain nothing from parallel writes) and reports each. */
export async function eachFile<T>(items: readonly T[], op: (item: T) => Promise<void>, onProgress?: (done: number) => void): Promise<OpOutcome<T>> {
  const outcome: OpOutcome<T> = { done: [], failed: [] };
  for (const item of items) {
    try {
      await op(item);
      outcome.done.push(item);
    } catch (error) {
      outcome.failed.push({ item, reason: error instanceof Error ? error.message : String(error) });
    }
    onProgress?.(outcome.done.length + outcome.failed.length);
  }
  return outcome;
}
