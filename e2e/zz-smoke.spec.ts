import { test, expect } from './fixtures.ts';
import { pickPhotos, waitForScan, shownResults } from './app.ts';
import { sharpJpeg, defocusedJpeg, motionJpeg, brokenJpeg } from './photos.ts';

for (const [name, viewport, scheme] of [['desktop', { width: 1280, height: 800 }, 'light'], ['phone', { width: 390, height: 844 }, 'dark']] as const) {
  test(`smoke ${name}`, async ({ page, problems }) => {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await page.screenshot({ path: `/tmp/ui-dev/${name}-0.png` });
    const t = Date.UTC(2024, 5, 1, 12);
    await pickPhotos(page, [
      { name: 'sharp-1.jpg', bytes: sharpJpeg(1), lastModified: t },
      { name: 'sharp-1b.jpg', bytes: sharpJpeg(1, 6), lastModified: t + 1000 },
      { name: 'defocus-1.jpg', bytes: defocusedJpeg(1), lastModified: t + 2000 },
      { name: 'sharp-2.jpg', bytes: sharpJpeg(2), lastModified: t + 60_000 },
      { name: 'motion-3.jpg', bytes: motionJpeg(3), lastModified: t + 120_000 },
      { name: 'defocus-4.jpg', bytes: defocusedJpeg(4, 3), lastModified: t + 180_000 },
      { name: 'broken.jpg', bytes: brokenJpeg(), lastModified: t + 240_000 },
    ]);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/ui-dev/${name}-1.png` });
    await waitForScan(page, 7);
    console.log(await shownResults(page));
    console.log(await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)));
    await page.getByTestId('select-blurry').click();
    await page.screenshot({ path: `/tmp/ui-dev/${name}-2.png`, fullPage: true });
    await page.getByTestId('result').first().click();
    await page.getByTestId('toggle-regions').click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/ui-dev/${name}-3.png` });
    console.log(problems);
  });
}
