// Scanning: photos dropped on the page stream into the grid as they finish; pause stops
// new work, resume carries on, cancel stops and leaves the rest for later.
import { test, expect } from './fixtures.ts';
import { dropPhotos, waitForScan } from './app.ts';
import { sharpJpeg, defocusedJpeg, type TestPhoto } from './photos.ts';

const photos: TestPhoto[] = Array.from({ length: 24 }, (_, i) => ({
  name: `IMG_${String(i + 1).padStart(4, '0')}.jpg`,
  bytes: i % 3 === 0 ? defocusedJpeg(100 + i, 6) : sharpJpeg(100 + i),
  lastModified: Date.UTC(2024, 1, 1) + i * 3_600_000,
}));

test('dropped photos stream in; pause, resume, cancel and check the rest', async ({ page, problems }) => {
  await page.goto('/');
  await dropPhotos(page, [...photos, { name: 'notes.txt', bytes: Buffer.from('not a photo'), type: 'text/plain' }]);
  await expect(page.getByTestId('toast')).toContainText('1 file that is not a photo skipped');

  const summary = page.getByTestId('scan-summary');
  await expect(summary).toHaveAttribute('data-total', String(photos.length));
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=scan-summary]')?.getAttribute('data-done')) >= 2, null, { timeout: 60_000 });
  await page.getByTestId('pause').click();
  await expect(summary).toHaveAttribute('data-state', 'paused', { timeout: 30_000 });
  await expect(page.getByTestId('pause')).toHaveText('Resume');

  // Results so far are on screen while the rest waits: streaming, not all at the end.
  const donePaused = Number(await summary.getAttribute('data-done'));
  expect(donePaused).toBeGreaterThan(0);
  expect(donePaused).toBeLessThan(photos.length);
  await expect(page.getByTestId('result')).toHaveCount(donePaused);
  await expect(page.getByTestId('scan-meta')).toContainText(`Paused at ${donePaused} of ${photos.length}`);
  // With a few photos done, the panel knows the rate.
  await expect(page.getByTestId('scan-meta')).toContainText(/photos\/(s|min)/);
  const progress = page.getByTestId('scan-progress');
  expect(Number(await progress.getAttribute('max'))).toBe(photos.length);
  expect(Number(await progress.getAttribute('value'))).toBe(donePaused);
  await page.waitForTimeout(1500);
  expect(Number(await summary.getAttribute('data-done'))).toBe(donePaused);

  await page.getByTestId('pause').click();
  await expect(summary).toHaveAttribute('data-state', 'scanning');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=scan-summary]')?.getAttribute('data-done')) > n, donePaused);
  await page.getByTestId('cancel').click();
  await expect(summary).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 });
  const doneCancelled = Number(await summary.getAttribute('data-done'));
  expect(doneCancelled).toBeLessThan(photos.length);
  await expect(page.getByTestId('result')).toHaveCount(doneCancelled);
  const rest = page.getByTestId('check-rest');
  await expect(rest).toHaveText(`Check the ${photos.length - doneCancelled} remaining photos`);

  await rest.click();
  await waitForScan(page, photos.length);
  await expect(page.getByTestId('result')).toHaveCount(photos.length);
  const names = await page.getByTestId('result').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-file-name')).sort());
  expect(names).toEqual(photos.map((p) => p.name));
  await expect(rest).toBeHidden();
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});
