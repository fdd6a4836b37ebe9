// Helpers the app specs share: feed files the way a person would (picker, drop) with chosen
// file dates, and read results through the automation contract (data-testid="result" ...).
import { expect, type Browser, type Page } from '@playwright/test';
import type { TestPhoto } from './photos.ts';

interface WirePhoto {
  name: string;
  base64: string;
  lastModified: number;
  type: string;
}

const wire = (photos: TestPhoto[]): WirePhoto[] =>
  photos.map((p, i) => ({
    name: p.name,
    base64: p.bytes.toString('base64'),
    lastModified: p.lastModified ?? Date.UTC(2024, 5, 1, 12, 0, 0) + i * 60_000,
    type: p.type ?? (p.name.endsWith('.txt') ? 'text/plain' : 'image/jpeg'),
  }));

/** Sets the page's multi-file picker, as choosing photos in the file dialog does. */
export async function pickPhotos(page: Page, photos: TestPhoto[]): Promise<void> {
  await page.locator('input[type=file][multiple]').evaluate((input: HTMLInputElement, files: WirePhoto[]) => {
    const transfer = new DataTransfer();
    for (const f of files) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.type, lastModified: f.lastModified }));
    }
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, wire(photos));
}

/** Drops files on the drop zone with a real DataTransfer (dragenter, dragover, drop). */
export async function dropPhotos(page: Page, photos: TestPhoto[]): Promise<void> {
  await page.getByTestId('drop-zone').evaluate((zone: HTMLElement, files: WirePhoto[]) => {
    const transfer = new DataTransfer();
    for (const f of files) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.type, lastModified: f.lastModified }));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, wire(photos));
}

/** Waits until every photo on screen has an outcome and the scan says it is done. */
export async function waitForScan(page: Page, total: number, timeout = 90_000): Promise<void> {
  const summary = page.getByTestId('scan-summary');
  await expect(summary).toHaveAttribute('data-total', String(total), { timeout });
  await expect(summary).toHaveAttribute('data-done', String(total), { timeout });
  await expect(summary).toHaveAttribute('data-state', /done|idle/, { timeout });
}

export interface ShownResult {
  name: string;
  verdict: string;
  probability: number | null;
  cause: string | null;
}

export async function shownResults(page: Page): Promise<ShownResult[]> {
  return page.getByTestId('result').evaluateAll((cards) =>
    cards.map((c) => ({
      name: c.getAttribute('data-file-name') ?? '',
      verdict: c.getAttribute('data-verdict') ?? '',
      probability: c.hasAttribute('data-probability') ? Number(c.getAttribute('data-probability')) : null,
      cause: c.getAttribute('data-cause'),
    })),
  );
}

export const result = (page: Page, name: string) => page.locator(`[data-testid=result][data-file-name="${name}"]`);

/** A page of its own at `viewport` (`phone`: touch and 2x pixels, as a phone browser) with
 * `photos` picked and scanned; `total` is how many results the scan ends with (default: all). */
export async function scannedPage(
  browser: Browser,
  photos: TestPhoto[],
  viewport: { width: number; height: number },
  { phone = false, total = photos.length, timeout = 90_000 } = {},
): Promise<Page> {
  const context = await browser.newContext(phone ? { viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { viewport });
  const page = await context.newPage();
  await page.goto('/');
  await pickPhotos(page, photos);
  await waitForScan(page, total, timeout);
  return page;
}
