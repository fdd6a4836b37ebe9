// A reload in the middle of a scan must not look like a finished one: the photos the scan never
// reached stay in the count as "not checked", picked photos are asked for again (a page cannot
// re-read them after a reload), and a folder resumes with one click.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { openFolder } from './folders.ts';
import { sharpJpeg, defocusedJpeg } from './photos.ts';
import { readyAnalysisWorkers, slowDecodes } from './workers.ts';

const N = 12;
const photos = Array.from({ length: N }, (_, i) => ({
  name: `IMG_${String(3100 + i)}.jpg`,
  bytes: i % 3 ? sharpJpeg(300 + i) : defocusedJpeg(300 + i, 7),
  lastModified: Date.UTC(2024, 4, 2, 10) + i * 3_600_000,
}));

/** Slows every worker so the scan is surely mid-way, waits for a few results, then reloads. */
async function reloadMidScan(page: Page): Promise<number> {
  for (const worker of await readyAnalysisWorkers(page)) await slowDecodes(worker, 2500);
  const summary = page.getByTestId('scan-summary');
  await expect.poll(async () => Number(await summary.getAttribute('data-done')), { timeout: 90_000 }).toBeGreaterThanOrEqual(2);
  await page.reload();
  await expect(summary).toHaveAttribute('data-total', String(N));
  const done = Number(await summary.getAttribute('data-done'));
  expect(done, 'some photos were checked, not all').toBeGreaterThanOrEqual(2);
  expect(done).toBeLessThan(N);
  await expect(summary).toContainText(`${done} of ${N} photos checked`);
  return done;
}

test('after a reload mid-scan of picked photos: how many were not checked, and pick them again', async ({ page, problems }) => {
  test.setTimeout(240_000);
  // Real files on disk with fixed dates, so the second pick is the very same photos.
  const dir = mkdtempSync(join(tmpdir(), 'blur-finder-picked-'));
  const paths = photos.map((p) => {
    const path = join(dir, p.name);
    writeFileSync(path, p.bytes);
    utimesSync(path, p.lastModified / 1000, p.lastModified / 1000);
    return path;
  });
  try {
    await page.goto('/');
    await page.locator('input[type=file][multiple]').setInputFiles(paths);
    const done = await reloadMidScan(page);

    const notice = page.getByTestId('unchecked-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute('data-picked', String(N - done));
    await expect(notice).toContainText(`${N - done} photos you picked were not checked`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('pick-unchecked').click();
    await (await chooser).setFiles(paths);

    const summary = page.getByTestId('scan-summary');
    await expect(summary).toHaveAttribute('data-done', String(N), { timeout: 120_000 });
    await expect(summary).toHaveAttribute('data-total', String(N));
    // Only the unchecked ones were analysed; the rest were remembered.
    await expect(summary).toHaveAttribute('data-queued', String(N - done));
    await expect(summary).toHaveAttribute('data-skipped', String(done));
    await expect(notice).toBeHidden();
    expect(problems.pageErrors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('after a reload mid-scan of a folder, one click resumes it where it stopped', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await openFolder(page, 'Camera', Object.fromEntries(photos.map((p) => [p.name, p.bytes])));
  await page.getByTestId('choose-folder').click();
  const done = await reloadMidScan(page);

  const notice = page.getByTestId('unchecked-notice');
  await expect(notice).toHaveAttribute('data-in-folder', String(N - done));
  await expect(notice).toContainText(`${N - done} photos in “Camera” were not checked`);
  await expect(page.getByTestId('pick-unchecked')).toBeHidden();
  await page.getByTestId('resume-folder').click();

  const summary = page.getByTestId('scan-summary');
  await expect(summary).toHaveAttribute('data-done', String(N), { timeout: 120_000 });
  await expect(summary).toHaveAttribute('data-queued', String(N - done));
  await expect(notice).toBeHidden();
});

test('the unchecked photos can be let go', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await openFolder(page, 'Trip', Object.fromEntries(photos.map((p) => [p.name, p.bytes])));
  await page.getByTestId('choose-folder').click();
  const done = await reloadMidScan(page);
  await page.getByTestId('forget-unchecked').click();
  await expect(page.getByTestId('unchecked-notice')).toBeHidden();
  await expect(page.getByTestId('scan-summary')).toHaveAttribute('data-total', String(done));
  // Forgotten for good: not back after another reload.
  await page.reload();
  await expect(page.getByTestId('scan-summary')).toHaveAttribute('data-total', String(done));
});
