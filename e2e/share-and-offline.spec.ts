// The installed app's paths in: photos shared from another app (Web Share Target, through the
// real service worker) and a scan with the network off (everything precached).
import { test, expect, waitForServiceWorkerControl } from './fixtures.ts';
import { pickPhotos, waitForScan, shownResults } from './app.ts';
import { sharpJpeg, defocusedJpeg } from './photos.ts';

test('photos shared to the app are scanned, then dropped from the share cache', async ({ page, problems }) => {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  const shared = [
    { name: 'shared-sharp.jpg', base64: sharpJpeg(71).toString('base64') },
    { name: 'shared-blurry.jpg', base64: defocusedJpeg(72, 7).toString('base64') },
  ];
  // What the OS share sheet does: a multipart POST of the files to the manifest's share_target action.
  await page.evaluate((files) => {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = '/share-target';
    form.enctype = 'multipart/form-data';
    const input = document.createElement('input');
    input.type = 'file';
    input.name = 'photos';
    input.multiple = true;
    const transfer = new DataTransfer();
    for (const f of files) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: 'image/jpeg' }));
    input.files = transfer.files;
    form.append(input);
    document.body.append(form);
    form.submit();
  }, shared);
  await page.waitForURL((url) => url.pathname === '/');
  await waitForScan(page, 2);
  const results = await shownResults(page);
  expect(results.map((r) => r.name).sort()).toEqual(['shared-blurry.jpg', 'shared-sharp.jpg']);
  expect(results.find((r) => r.name === 'shared-blurry.jpg')?.verdict).toBe('blurry');
  // ?shared=1 is gone from the address, and the parked copies are deleted.
  expect(new URL(page.url()).search).toBe('');
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open('shared-photos')).keys()).length))
    .toBe(0);
  // The viewer can still show a shared photo at full size after its parked copy is gone.
  await page.getByTestId('result').first().click();
  await expect.poll(() => page.getByTestId('viewer-photo').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(640);
  expect(problems.pageErrors).toEqual([]);
});

test('scans with the network off once the app has been opened', async ({ page, context }) => {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Blur Finder/);
  await pickPhotos(page, [
    { name: 'offline-sharp.jpg', bytes: sharpJpeg(81) },
    { name: 'offline-blurry.jpg', bytes: defocusedJpeg(82, 7) },
  ]);
  await waitForScan(page, 2);
  const results = await shownResults(page);
  expect(results.find((r) => r.name === 'offline-sharp.jpg')?.verdict).toBe('sharp');
  expect(results.find((r) => r.name === 'offline-blurry.jpg')?.verdict).toBe('blurry');
  await context.setOffline(false);
});
