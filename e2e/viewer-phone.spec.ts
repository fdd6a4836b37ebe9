// The viewer on a narrow phone with the file names phones and messengers really write
// (PXL_..., IMG-...-WA...): nothing may be wider than the screen, the close button must be on
// it, and the whole name must be readable somewhere in the viewer.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { pickPhotos, waitForScan, result } from './app.ts';
import { sharpJpeg, defocusedJpeg, type TestPhoto } from './photos.ts';

const NAMES = ['PXL_20241005_134512345.jpg', 'IMG-20241005-WA0012_edited_final_version_copy(1).jpg', 'signal-2024-10-05-134512_002.jpeg'];
const photos: TestPhoto[] = [
  { name: NAMES[0], bytes: sharpJpeg(301) },
  { name: NAMES[1], bytes: defocusedJpeg(302, 7) },
  { name: NAMES[2], bytes: sharpJpeg(303) },
];

async function phone(browser: Browser, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/');
  return page;
}

/** Everything in the open viewer that reaches past the right or left edge of the screen. */
async function overflowing(page: Page): Promise<string[]> {
  return page.getByTestId('viewer').evaluate((viewer) => {
    const out: string[] = [];
    // The photo stage scrolls its own content (100% zoom); what is inside it may be wider.
    const stage = viewer.querySelector('.viewer-stage');
    for (const el of [viewer, ...viewer.querySelectorAll('*')]) {
      if (stage && stage !== el && stage.contains(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > innerWidth + 0.5 || r.left < -0.5) out.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class')} ${Math.round(r.left)}..${Math.round(r.right)}`);
      if (el !== stage && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') out.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class')} scrolls sideways`);
    }
    return out;
  });
}

for (const width of [360, 390]) {
  test(`${width} px: a long file name fits the viewer, the close button is on screen, the full name is shown`, async ({ browser }) => {
    const page = await phone(browser, width);
    await pickPhotos(page, photos);
    await waitForScan(page, photos.length);
    for (const name of NAMES) {
      await result(page, name).click();
      const viewer = page.getByTestId('viewer');
      await expect(viewer).toHaveAttribute('data-file-name', name);
      await expect.poll(() => page.getByTestId('viewer-photo').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
      expect(await overflowing(page), name).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      const close = page.getByTestId('viewer-close');
      await expect(close).toBeInViewport({ ratio: 1 });
      // The full name, never cut: in the heading when it fits there, and always in the facts.
      const file = page.getByTestId('viewer-file-name');
      await expect(file).toHaveText(name);
      expect(await file.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= innerWidth)).toBe(true);
      await expect(page.locator('#viewer-title')).toHaveAttribute('title', name);

      await close.click();
      await expect(viewer).toBeHidden();
    }
    await page.context().close();
  });
}
