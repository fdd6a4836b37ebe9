// Picked photos on a phone: a web page cannot delete them from the gallery, so the clean-up ends
// with a list to work through there. It must read like the gallery: newest first by capture time,
// under day headings, each with its thumbnail and time, on a 360 or 390 px screen.
import { test, expect } from '@playwright/test';
import { pickPhotos, waitForScan, scannedPage } from './app.ts';
import { sharpJpeg, defocusedJpeg, motionJpeg, withCaptureTime, type TestPhoto } from './photos.ts';

// Capture times (EXIF) over two days; the file dates are in another order, as after a copy.
const taken = (day: number, hour: number, minute: number) => new Date(2024, 9, day, hour, minute);
const FILE_DATE = Date.UTC(2024, 10, 20, 9, 0);
const photos: TestPhoto[] = [
  { name: 'PXL_20241005_091500123.jpg', bytes: withCaptureTime(defocusedJpeg(601, 7), taken(5, 9, 15)), lastModified: FILE_DATE + 2 * 60_000 },
  { name: 'PXL_20241005_184233456.jpg', bytes: withCaptureTime(motionJpeg(602, 61), taken(5, 18, 42)), lastModified: FILE_DATE + 4 * 60_000 },
  { name: 'PXL_20241006_071012789.jpg', bytes: withCaptureTime(defocusedJpeg(603, 9), taken(6, 7, 10)), lastModified: FILE_DATE + 60_000 },
  { name: 'PXL_20241006_120000000.jpg', bytes: withCaptureTime(sharpJpeg(604), taken(6, 12, 0)), lastModified: FILE_DATE + 3 * 60_000 },
  { name: 'IMG-20241006-WA0007.jpg', bytes: defocusedJpeg(605, 8), lastModified: FILE_DATE + 5 * 60_000 },
];

for (const width of [360, 390]) {
  test(`phone ${width} px: the gallery list is newest first by capture time, with thumbnails and times`, async ({ browser }) => {
    test.setTimeout(150_000);
    const page = await scannedPage(browser, photos, { width, height: 800 }, { phone: true, timeout: 120_000 });
    // After a scan a phone folds the controls away; the clean-up starts by unfolding them.
    await page.getByTestId('controls-fold').click();
    await page.getByTestId('select-blurry').click();
    const blurry = await page.locator('[data-testid=result][data-verdict=blurry]').evaluateAll((els) => els.map((e) => e.getAttribute('data-file-name')!));
    expect(blurry.length).toBeGreaterThanOrEqual(3);
    await page.getByTestId('gallery-list-open').click();

    const list = page.getByTestId('gallery-list');
    const rows = list.locator('li');
    await expect(rows).toHaveCount(blurry.length);
    // Newest first: the photo without EXIF goes by its file date (newest of all); the rest by when they were taken.
    const order = photos.filter((p) => blurry.includes(p.name)).map((p) => p.name);
    const expected = ['IMG-20241006-WA0007.jpg', ...order.filter((n) => n.startsWith('PXL')).reverse()];
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-file-name')))).toEqual(expected);
    const times = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-time'))));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // A heading per day, newest day first, in the order of the rows.
    const days = await list.getByTestId('gallery-day').allTextContents();
    expect(days.length).toBeGreaterThanOrEqual(2);
    expect(new Set(days).size).toBe(days.length);
    // Each row: a real thumbnail big enough to recognise, and the capture time.
    for (const row of await rows.all()) {
      const thumb = row.getByTestId('gallery-thumb');
      expect(await thumb.evaluate((i: HTMLImageElement) => i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0)).toBe(true);
      expect((await thumb.boundingBox())!.width).toBeGreaterThanOrEqual(64);
    }
    const pxl = rows.filter({ has: page.locator('.gl-name', { hasText: 'PXL_20241006_071012789.jpg' }) });
    // 07:10 as the EXIF says, in whatever clock format the browser's locale uses.
    await expect(pxl.getByTestId('gallery-time')).toHaveText(/^0?7\D10\b/);
    await expect(rows.first().getByTestId('gallery-time')).toContainText('(file date)');

    // Nothing sticks out of the screen, long camera names included.
    const dialog = page.getByTestId('gallery-list-dialog');
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(await list.evaluate((l) => l.scrollWidth <= l.clientWidth)).toBe(true);
    // Chromium here can open folders (as Chrome on Android 132+ does): the list says how to let the app delete instead.
    await expect(dialog.getByTestId('gallery-folder-tip')).toBeVisible();
    await page.context().close();
  });
}

test('without a folder picker (iOS Safari, older Android) the list does not promise one', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.evaluate(() => Object.defineProperty(window, 'showDirectoryPicker', { value: undefined }));
  await pickPhotos(page, photos.slice(0, 2));
  await waitForScan(page, 2, 90_000);
  await page.getByTestId('controls-fold').click();
  await page.getByTestId('select-blurry').click();
  await page.getByTestId('gallery-list-open').click();
  await expect(page.getByTestId('gallery-list-dialog')).toBeVisible();
  await expect(page.getByTestId('gallery-folder-tip')).toHaveCount(0);
});
