// Folder mode on a real directory handle: headless Chromium cannot show the folder picker, so
// tests swap window.showDirectoryPicker for a function that returns a folder in the
// origin-private file system. Everything after the pick — walking the folder, scanning, moving,
// undoing, the trash — runs exactly as it does on a chosen folder.
import type { Page } from '@playwright/test';
import { waitForScan } from './app.ts';

interface TreeFile {
  path: string;
  base64: string;
}

/** Creates folder `name` in the origin-private file system and makes it what the folder picker returns. */
export async function openFolder(page: Page, name: string, tree: Record<string, Buffer>): Promise<void> {
  const wire: TreeFile[] = Object.entries(tree).map(([path, bytes]) => ({ path, base64: bytes.toString('base64') }));
  await page.evaluate(
    async ({ name, wire }) => {
      const root = await navigator.storage.getDirectory();
      await root.removeEntry(name, { recursive: true }).catch(() => {});
      const folder = await root.getDirectoryHandle(name, { create: true });
      for (const f of wire) {
        const parts = f.path.split('/');
        let dir = folder;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const handle = await dir.getFileHandle(parts[parts.length - 1], { create: true });
        const writable = await handle.createWritable();
        await writable.write(Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)));
        await writable.close();
      }
      (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () => folder;
    },
    { name, wire },
  );
}

/** Every file under the folder: path -> size. */
export async function tree(page: Page, name: string): Promise<Record<string, number>> {
  return page.evaluate(async (name) => {
    const out: Record<string, number> = {};
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const entry of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
        if (entry.kind === 'directory') await walk(entry as FileSystemDirectoryHandle, `${prefix}${entry.name}/`);
        else out[`${prefix}${entry.name}`] = (await (entry as FileSystemFileHandle).getFile()).size;
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle(name), '');
    return out;
  }, name);
}

export async function scanFolder(page: Page, name: string, tree: Record<string, Buffer>, photos: number): Promise<void> {
  await page.goto('/');
  await openFolder(page, name, tree);
  await page.getByTestId('choose-folder').click();
  await waitForScan(page, photos);
}
