// Cancelling never throws away work: photos already being analysed when the person presses
// Cancel still get their verdict, on screen and saved, and only photos not yet started stay
// unchecked. Decodes are slowed from outside (e2e/workers.ts) so photos are surely in flight.
import { test, expect } from './fixtures.ts';
import { dropPhotos, waitForScan, shownResults } from './app.ts';
import { sharpJpeg, defocusedJpeg, type TestPhoto } from './photos.ts';
import { readyAnalysisWorkers, slowDecodes } from './workers.ts';

const photos: TestPhoto[] = Array.from({ length: 12 }, (_, i) => ({
  name: `DSC_${String(i).padStart(3, '0')}.jpg`,
  bytes: i % 3 ? sharpJpeg(700 + i) : defocusedJpeg(700 + i, 7),
  lastModified: Date.UTC(2024, 5, 1) + i * 3_600_000,
}));

test('photos in flight when the scan is cancelled still get their verdicts, and they are saved', async ({ page, problems }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await dropPhotos(page, [{ name: 'warm-up.jpg', bytes: sharpJpeg(699) }]);
  await waitForScan(page, 1);
  const workers = await readyAnalysisWorkers(page);
  // Every photo now takes 4 s more, so each worker is mid-photo most of the time.
  for (const worker of workers) await slowDecodes(worker, 4000);

  await dropPhotos(page, photos);
  const summary = page.getByTestId('scan-summary');
  const done = async () => Number(await summary.getAttribute('data-done'));
  // The first of the new photos is back: its worker has already started the next one, and the
  // other workers are part way through theirs.
  await expect.poll(done, { timeout: 60_000 }).toBeGreaterThan(1);
  await page.getByTestId('cancel').click();
  const doneAtCancel = await done();
  await expect(summary).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 });

  const doneAfter = await done();
  expect(doneAfter, 'the photos in flight were reported after the cancel').toBeGreaterThan(doneAtCancel);
  expect(doneAfter - doneAtCancel).toBeLessThanOrEqual(workers.length);
  expect(doneAfter).toBeLessThan(photos.length + 1);
  const finished = (await shownResults(page)).filter((r) => r.name !== 'warm-up.jpg');
  for (const r of finished) expect(r.verdict, r.name).toMatch(/^(sharp|blurry|uncertain)$/);
  await expect(page.getByTestId('check-rest')).toHaveText(`Check the ${photos.length + 1 - doneAfter} remaining photos`);

  // Saved as they arrived: after a reload every finished photo is still there, verdict and all.
  await page.reload();
  await expect(page.getByTestId('result')).toHaveCount(doneAfter);
  const restored = await shownResults(page);
  for (const r of finished) expect(restored).toContainEqual(r);
  expect(problems.pageErrors).toEqual([]);
});

test('a scan reports every photo as it finishes, not all at the end', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await dropPhotos(page, [{ name: 'warm-up.jpg', bytes: sharpJpeg(698) }]);
  await waitForScan(page, 1);
  for (const worker of await readyAnalysisWorkers(page)) await slowDecodes(worker, 1500);
  // Record the moment each card gets its verdict.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { verdictTimes: number[] }).verdictTimes = seen;
    new MutationObserver(() => {
      const n = document.querySelectorAll('[data-testid=result]:not([data-verdict=pending])').length;
      while (seen.length < n) seen.push(performance.now());
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-verdict'] });
  });
  await dropPhotos(page, photos.slice(0, 6));
  await waitForScan(page, 7, 90_000);
  const times = await page.evaluate(() => (window as unknown as { verdictTimes: number[] }).verdictTimes.slice(1));
  expect(times).toHaveLength(6);
  // With 1.5 s per decode, results spread over several seconds instead of landing together.
  expect(times[times.length - 1] - times[0]).toBeGreaterThan(2500);
});
