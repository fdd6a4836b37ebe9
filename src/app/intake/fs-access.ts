// The File System Access pieces TypeScript's DOM library does not describe yet (Chromium
// ships them), behind feature checks so other browsers take the read-only paths.

export type PermissionMode = 'read' | 'readwrite';

interface PermissionHandle {
  queryPermission?(descriptor: { mode: PermissionMode }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: PermissionMode }): Promise<PermissionState>;
}

interface DirectoryPickerWindow {
  showDirectoryPicker?(options?: { id?: string; mode?: PermissionMode; startIn?: string }): Promise<FileSystemDirectoryHandle>;
}

interface HandleItem {
  getAsFileSystemHandle?(): Promise<FileSystemHandle | null>;
}

export function canPickDirectory(): boolean {
  return typeof (window as DirectoryPickerWindow).showDirectoryPicker === 'function';
}

export function pickDirectory(): Promise<FileSystemDirectoryHandle> {
  return (window as DirectoryPickerWindow).showDirectoryPicker!({ id: 'blur-finder', mode: 'readwrite' });
}

/** Whether the page may change files under `handle`; asks the person if it has to (needs a click). */
export async function ensureWritable(handle: FileSystemHandle): Promise<boolean> {
  const h = handle as FileSystemHandle & PermissionHandle;
  if (!h.queryPermission) return true; // e.g. the origin-private file system: always writable
  if ((await h.queryPermission({ mode: 'readwrite' })) === 'granted') return true;
  if (!h.requestPermission) return false;
  return (await h.requestPermission({ mode: 'readwrite' })) === 'granted';
}

/** Whether reading is allowed now, without prompting (a remembered handle needs a click to re-grant). */
export async function canReadNow(handle: FileSystemHandle): Promise<boolean> {
  const h = handle as FileSystemHandle & PermissionHandle;
  if (!h.queryPermission) return true;
  return (await h.queryPermission({ mode: 'read' })) === 'granted';
}

export async function requestRead(handle: FileSystemHandle): Promise<boolean> {
  const h = handle as FileSystemHandle & PermissionHandle;
  if (!h.requestPermission) return true;
  return (await h.requestPermission({ mode: 'read' })) === 'granted';
}

/** Starts getAsFileSystemHandle for a drop item; must run inside the drop event. */
export function dropItemHandle(item: DataTransferItem): Promise<FileSystemHandle | null> | null {
  const fn = (item as DataTransferItem & HandleItem).getAsFileSystemHandle;
  return typeof fn === 'function' ? fn.call(item).catch(() => null) : null;
}

export function directoryEntries(dir: FileSystemDirectoryHandle): AsyncIterable<FileSystemHandle> {
  return (dir as FileSystemDirectoryHandle & { values(): AsyncIterable<FileSystemHandle> }).values();
}

export function isDirectoryHandle(handle: FileSystemHandle): handle is FileSystemDirectoryHandle {
  return handle.kind === 'directory';
}

export function isFileHandle(handle: FileSystemHandle): handle is FileSystemFileHandle {
  return handle.kind === 'file';
}
