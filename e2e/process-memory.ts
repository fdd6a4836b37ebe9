// Memory of the browser's renderer processes, read from /proc (Linux): what a page, its
// workers, their WebAssembly heaps and their decoded images really cost, which the JS heap
// measurement does not see.
import { readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';

export type MemoryField = 'VmRSS' | 'VmHWM';

/** kB of `field` (resident now, or peak resident) per renderer process of this browser. */
export async function rendererMemory(browser: Browser, field: MemoryField): Promise<Map<number, number>> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
  await cdp.detach();
  const memory = new Map<number, number>();
  for (const { type, id } of processInfo) {
    if (type !== 'renderer') continue;
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      memory.set(id, Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0));
    } catch {
      /* the process ended between the listing and the read */
    }
  }
  return memory;
}

export const canReadProcessMemory = process.platform === 'linux';
