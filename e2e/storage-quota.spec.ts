// Storage running out mid-scan: with the origin's quota shrunk for real (Chrome DevTools
// Protocol, the same limit a full phone imposes), saving results fails, and the person is told
// once that results won't be kept while every photo still gets its verdict on screen.
import { test, expect } from './fixtures.ts';
import { dropPhotos, waitForScan } from './app.ts';
import { sharpJpeg, defocusedJpeg, type TestPhoto } from './photos.ts';

const photos: TestPhoto[] = [
  { name: 'q-sharp-1.jpg', bytes: sharpJpeg(61) },
  { name: 'q-blurry-1.jpg', bytes: defocusedJpeg(62, 7) },
  { name: 'q-sharp-2.jpg', bytes: sharpJpeg(63) },
  { name: 'q-blurry-2.jpg', bytes: defocusedJpeg(64, 7) },
];

/** Writes `bytes` to a throwaway IndexedDB database; returns the error name, or 'ok'. */
function probeWrite(bytes: number): Promise<string> {
  return new Promise((resolve) => {
    const open = indexedDB.open('quota-probe', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('probe');
    open.onerror = () => resolve(open.error?.name ?? 'open failed');
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('probe', 'readwrite');
      tx.objectStore('probe').put(new Uint8Array(bytes).fill(7), 'probe');
      tx.oncomplete = () => (db.close(), resolve('ok'));
      tx.onabort = () => (db.close(), resolve(tx.error?.name ?? 'aborted'));
    };
  });
}

test('a full storage quota is reported once and the scan finishes in memory', async ({ page, problems }) => {
  await page.goto('/');
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  const origin = new URL(page.url()).origin;
  const cdp = await page.context().newCDPSession(page);
  // Room for what is already stored (the app's open database, cached app files) plus 1 KB: not
  // enough for any photo's result. navigator.storage.estimate() ignores the override in this
  // Chromium, so the DevTools side is asked whether it holds.
  const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 1024 });
  const limited = await cdp.send('Storage.getUsageAndQuota', { origin });
  expect(limited).toMatchObject({ overrideActive: true, quota: usage + 1024 });
  // The limit is real: a write of a few KB fails with the browser's own quota error.
  expect(await page.evaluate(probeWrite, 8 * 1024)).toBe('QuotaExceededError');

  await dropPhotos(page, photos);
  await waitForScan(page, photos.length);

  const summary = page.getByTestId('scan-summary');
  expect(await summary.getAttribute('data-done')).toBe(await summary.getAttribute('data-total'));
  const results = page.getByTestId('result');
  await expect(results).toHaveCount(photos.length);
  const verdicts = await results.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-verdict')));
  for (const verdict of verdicts) expect(['sharp', 'blurry', 'uncertain']).toContain(verdict);

  const notice = page.getByTestId('storage-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('won’t be kept after you close the page');
  expect(problems.pageErrors).toEqual([]);

  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
});
