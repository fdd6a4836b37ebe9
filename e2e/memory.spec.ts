// Memory of work: results are saved as they arrive, a reopened page shows the last scan, a
// re-scan of the same files skips them, and one button forgets everything.
import { test, expect } from './fixtures.ts';
import { pickPhotos, waitForScan, shownResults } from './app.ts';
import { sharpJpeg, defocusedJpeg, type TestPhoto } from './photos.ts';

const first: TestPhoto[] = [
  { name: 'a-sharp.jpg', bytes: sharpJpeg(41), lastModified: Date.UTC(2023, 3, 1) },
  { name: 'b-blurry.jpg', bytes: defocusedJpeg(42, 7), lastModified: Date.UTC(2023, 3, 2) },
  { name: 'c-sharp.jpg', bytes: sharpJpeg(43), lastModified: Date.UTC(2023, 3, 3) },
];
const extra: TestPhoto = { name: 'd-blurry.jpg', bytes: defocusedJpeg(44, 7), lastModified: Date.UTC(2023, 3, 4) };

test('reopening shows the last scan, a re-scan skips known photos, and clearing forgets them', async ({ page, problems }) => {
  await page.goto('/');
  await pickPhotos(page, first);
  await waitForScan(page, 3);
  const before = await shownResults(page);

  await page.reload();
  // Straight from IndexedDB: same verdicts and probabilities, thumbnails included, no scan.
  await expect(page.getByTestId('result')).toHaveCount(3);
  expect(await shownResults(page)).toEqual(before);
  await expect(page.getByTestId('toast')).toContainText('Your last scan: 3 photos');
  const thumbs = await page.locator('[data-testid=result] img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src.slice(0, 5)));
  expect(thumbs).toEqual(['blob:', 'blob:', 'blob:']);
  await expect(page.getByTestId('scan-summary')).toHaveAttribute('data-state', 'idle');

  // The same three again plus one new: only the new one is analysed.
  await pickPhotos(page, [...first, extra]);
  await waitForScan(page, 4);
  const summary = page.getByTestId('scan-summary');
  await expect(summary).toHaveAttribute('data-skipped', '3');
  await expect(summary).toHaveAttribute('data-queued', '1');
  await expect(page.getByTestId('toast')).toContainText('3 photos remembered from an earlier scan');
  const after = await shownResults(page);
  for (const r of before) expect(after).toContainEqual(r);
  expect(after.find((r) => r.name === 'd-blurry.jpg')?.verdict).toBe('blurry');

  // Forget everything.
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('stored-count')).toHaveAttribute('data-count', '4');
  await page.getByTestId('clear-data').click();
  const confirm = page.getByTestId('clear-dialog');
  await expect(confirm).toContainText('4 remembered results');
  await confirm.getByRole('button', { name: 'Clear stored data' }).click();
  await expect(page.getByTestId('stored-count')).toHaveAttribute('data-count', '0');
  await page.getByTestId('settings-dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('result')).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('result')).toHaveCount(0);
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('blur-finder');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const count = await new Promise<number>((resolve) => {
      const r = db.transaction('results').objectStore('results').count();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return count;
  });
  expect(stored).toBe(0);
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});
