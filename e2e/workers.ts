// Reaching the app's analysis workers from a test. Playwright can run code inside a page's
// dedicated workers (Worker.evaluate), so tests break or slow a real worker from the outside
// and the app ships no test-only switches. The workers look up createImageBitmap on their
// global scope for every photo, so replacing it there changes what the next photo meets.
import { expect, type Page, type Worker } from '@playwright/test';

export function analysisWorkers(page: Page): Worker[] {
  return page.workers().filter((w) => w.url().includes('analysis.worker'));
}

/** Waits for the pool's workers to exist (they start with the first scan) and returns them. */
export async function readyAnalysisWorkers(page: Page): Promise<Worker[]> {
  await expect.poll(() => analysisWorkers(page).length, { timeout: 60_000 }).toBeGreaterThan(0);
  return analysisWorkers(page);
}

export type Breakage = 'uncaught-error' | 'silent-exit' | 'endless-loop';

/** Makes the next photo this worker decodes break it, the way real faults do. */
export async function breakNextPhoto(worker: Worker, how: Breakage): Promise<void> {
  await worker.evaluate((how) => {
    const scope = self as unknown as { createImageBitmap: unknown; close(): void };
    // Either decode path breaks: the browser's (createImageBitmap) and libjpeg-turbo's, which
    // starts by reading the file's bytes.
    const breakHere = (): Promise<never> => {
      if (how === 'uncaught-error') {
        // Thrown from a task of its own, as a fault in a callback would be: nothing awaits it.
        setTimeout(() => {
          throw new Error('simulated crash');
        });
      } else if (how === 'silent-exit') {
        // Ends the worker without any event reaching the page.
        scope.close();
      } else {
        for (;;) {
          /* never returns, never yields: a hung decoder or an endless loop */
        }
      }
      return new Promise<never>(() => {});
    };
    scope.createImageBitmap = breakHere;
    Blob.prototype.arrayBuffer = breakHere;
  }, how);
}

/** Makes every decode in this worker wait `ms` first, so a test can act while photos are in flight. */
export async function slowDecodes(worker: Worker, ms: number): Promise<void> {
  await worker.evaluate((ms) => {
    const scope = self as unknown as { createImageBitmap: (...args: unknown[]) => Promise<unknown> };
    const decode = scope.createImageBitmap.bind(self);
    const wait = () => new Promise((resolve) => setTimeout(resolve, ms));
    scope.createImageBitmap = async (...args: unknown[]) => {
      await wait();
      return decode(...args);
    };
    // JPEGs decode through libjpeg-turbo from the file's bytes, not createImageBitmap: reading the
    // whole file (not the header's first bytes) is where that path starts.
    const read = Blob.prototype.arrayBuffer;
    Blob.prototype.arrayBuffer = async function (this: Blob) {
      await wait();
      return read.call(this);
    };
  }, ms);
}
