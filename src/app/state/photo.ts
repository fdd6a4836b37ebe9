// What the app knows about one photo: where it came from, what the analysis said, and where
// it is now. The key (name + size + lastModified) is how a photo is recognised again later.
import type { Analysis } from '../../core/types.ts';

/** A photo the app may read but not change (picked files, dropped files, shared files). */
export interface FileSource {
  kind: 'file';
  file: File;
}

/**
 * A photo inside a folder the person opened with write access in mind (File System Access).
 * `parent` is the folder that holds it, `root` the folder the person chose, `path` the
 * folders from root to parent — enough to move it to root/Blurry/path and back.
 */
export interface HandleSource {
  kind: 'handle';
  handle: FileSystemFileHandle;
  parent: FileSystemDirectoryHandle;
  root: FileSystemDirectoryHandle;
  path: string[];
}

export type PhotoSource = FileSource | HandleSource;

export type Outcome =
  | { kind: 'pending' }
  | { kind: 'done'; analysis: Analysis }
  | { kind: 'error'; message: string };

export type PhotoLocation = 'original' | 'blurry-folder';

export interface Photo {
  key: string;
  name: string;
  /** Folder path relative to the chosen folder ('' for picked files), '/'-separated. */
  folder: string;
  size: number;
  lastModified: number;
  type: string;
  /** Capture time from EXIF (ms since epoch), when the file carries one. */
  takenAt: number | null;
  outcome: Outcome;
  thumbnail: Blob | null;
  /** Difference hash of the thumbnail (bursts/dhash.ts: 32 hex digits, 16 in results stored before), for burst and similar groups. */
  hash: string | null;
  location: PhotoLocation;
  /** Only while the page holds the file; photos remembered from an earlier visit have none. */
  source: PhotoSource | null;
  /** Came from a folder opened with File System Access, so it can be read again after a reload. */
  fromFolder?: boolean;
}

export function photoKey(file: { name: string; size: number; lastModified: number }): string {
  return `${file.name}|${file.size}|${file.lastModified}`;
}

/** The name, size and date a key was made of (names may hold '|', so it splits from the right). */
export function parsePhotoKey(key: string): { name: string; size: number; lastModified: number } | null {
  const parts = key.split('|');
  if (parts.length < 3) return null;
  const lastModified = Number(parts.pop());
  const size = Number(parts.pop());
  const name = parts.join('|');
  return name && Number.isFinite(size) && Number.isFinite(lastModified) ? { name, size, lastModified } : null;
}

/**
 * A photo of the last visit's collection that was never checked (the page was closed or
 * reloaded mid-scan): all the app knows of it is its key. Shown as "not checked" until the
 * person gives the file again.
 */
export function uncheckedPhoto(key: string, fromFolder: boolean): Photo | null {
  const parsed = parsePhotoKey(key);
  if (!parsed) return null;
  return { key, ...parsed, folder: '', type: '', takenAt: null, outcome: { kind: 'pending' }, thumbnail: null, hash: null, location: 'original', source: null, fromFolder };
}

/** When the photo was taken, as best we know: EXIF capture time, else the file's date. */
export function photoTime(photo: Pick<Photo, 'takenAt' | 'lastModified'>): number {
  return photo.takenAt ?? photo.lastModified;
}

export function newPhoto(file: File, source: PhotoSource, folder = ''): Photo {
  return {
    key: photoKey(file),
    name: file.name,
    folder,
    size: file.size,
    lastModified: file.lastModified,
    type: file.type,
    takenAt: null,
    outcome: { kind: 'pending' },
    thumbnail: null,
    hash: null,
    location: 'original',
    source,
    fromFolder: source.kind === 'handle',
  };
}

/** Reads the current bytes of a photo from wherever it lives. */
export async function readPhoto(source: PhotoSource): Promise<File> {
  return source.kind === 'file' ? source.file : source.handle.getFile();
}
