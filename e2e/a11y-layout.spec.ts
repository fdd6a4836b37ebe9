// What every person meets: the phone layout (390 x 844) and the desktop layout, light and dark,
// checked with axe-core for accessible names and contrast, plus keyboard-only use and the
// install button. With UPDATE_SCREENSHOTS=1 it also writes docs/screenshots/*.png for the README.
import { mkdirSync } from 'node:fs';
import { test, expect, type Page, type Browser } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { pickPhotos, waitForScan, result } from './app.ts';
import { sharpJpeg, defocusedJpeg, motionJpeg, brokenJpeg, type TestPhoto } from './photos.ts';

const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const SHOTS = new URL('../docs/screenshots/', import.meta.url).pathname;
const T0 = Date.UTC(2024, 7, 3, 17, 0);
const photos: TestPhoto[] = [
  { name: 'IMG_2041.jpg', bytes: sharpJpeg(201), lastModified: T0 },
  { name: 'IMG_2042.jpg', bytes: defocusedJpeg(202, 7), lastModified: T0 + 600_000 },
  { name: 'IMG_2043.jpg', bytes: motionJpeg(203, 61), lastModified: T0 + 1_200_000 },
  { name: 'IMG_2050.jpg', bytes: defocusedJpeg(210, 5), lastModified: T0 + 1_800_000 },
  { name: 'IMG_2051.jpg', bytes: sharpJpeg(210), lastModified: T0 + 1_801_000 },
  { name: 'IMG_2060.jpg', bytes: sharpJpeg(220), lastModified: T0 + 2_400_000 },
  { name: 'IMG_2061.jpg', bytes: defocusedJpeg(221, 9), lastModified: T0 + 3_000_000 },
  { name: 'IMG_2070.jpg', bytes: sharpJpeg(230), lastModified: T0 + 3_600_000 },
  { name: 'damaged.jpg', bytes: brokenJpeg(), lastModified: T0 + 4_200_000 },
];

const layouts = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
} as const;
type Layout = keyof typeof layouts;

async function axe(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  if (!UPDATE_SCREENSHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  // Let the caret and any transitions settle so the images do not change from run to run.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${SHOTS}${name}.png`, animations: 'disabled', caret: 'hide' });
}

async function openApp(browser: Browser, layout: Layout): Promise<Page> {
  // Reduced motion turns off the cards' 120 ms colour transitions, which axe could otherwise
  // catch half-way through a light/dark switch and report as low contrast.
  const context = await browser.newContext({ ...layouts[layout], acceptDownloads: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto('/');
  return page;
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

for (const layout of ['phone', 'desktop'] as const) {
  test(`${layout}: start, results, viewer and dialogs pass axe in light and dark`, async ({ browser }) => {
    const page = await openApp(browser, layout);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The start screen as a person sees it a moment after opening: the detector ready (it loads
    // in the background), so the screenshots do not depend on how quickly it did.
    await expect(page.getByTestId('detector-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Blur Finder');
      await noHorizontalScroll(page);
      await axe(page, `${layout} start (${scheme})`);
      await shot(page, `${layout}-${scheme}-start`);
    }

    await page.emulateMedia({ colorScheme: 'light' });
    await pickPhotos(page, photos);
    await waitForScan(page, photos.length);
    // On a phone the controls fold away after a scan; open them, select, fold them again.
    if (layout === 'phone') await page.getByTestId('controls-fold').click();
    await page.getByTestId('select-blurry').click();
    await expect(page.getByTestId('action-bar')).toBeVisible();
    if (layout === 'phone') await page.getByTestId('controls-fold').click();

    if (layout === 'phone') {
      // Three columns of thumbnails, the clean-up bar pinned to the bottom of the screen.
      const tops = await page.locator('[data-testid=result]:visible').evaluateAll((cards) => cards.slice(0, 4).map((c) => c.getBoundingClientRect().top));
      expect(tops[0]).toBe(tops[2]);
      expect(tops[3]).toBeGreaterThan(tops[0]);
      const bar = (await page.getByTestId('action-bar').boundingBox())!;
      expect(Math.round(bar.y + bar.height)).toBe(844);
      expect(bar.width).toBe(390);
    } else {
      // Controls on the left, results on the right.
      const panel = (await page.locator('.panel').boundingBox())!;
      const grid = (await page.getByTestId('results').boundingBox())!;
      expect(panel.x + panel.width).toBeLessThanOrEqual(grid.x);
    }

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => scrollTo(0, 0));
      await noHorizontalScroll(page);
      await axe(page, `${layout} results (${scheme})`);
      if (layout === 'phone') await page.getByTestId('results').scrollIntoViewIfNeeded();
      await shot(page, `${layout}-${scheme}-results`);

      await result(page, 'IMG_2042.jpg').click();
      // The overlay choice is kept from one photo (and one opening) to the next.
      const regions = page.getByTestId('toggle-regions');
      if ((await regions.getAttribute('aria-pressed')) !== 'true') await regions.click();
      await expect(page.getByTestId('region-overlay')).toBeVisible();
      await expect.poll(() => page.getByTestId('viewer-photo').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
      await axe(page, `${layout} viewer (${scheme})`);
      await shot(page, `${layout}-${scheme}-viewer`);
      await page.keyboard.press('Escape');

      await page.getByTestId('gallery-list-open').click();
      await axe(page, `${layout} gallery list (${scheme})`);
      await page.keyboard.press('Escape');
      await page.getByTestId('open-settings').click();
      await expect(page.getByTestId('settings-dialog')).toBeVisible();
      await axe(page, `${layout} settings (${scheme})`);
      await page.keyboard.press('Escape');
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
}

test('keyboard only: reach the grid, select, act, and get back out', async ({ browser }) => {
  const page = await openApp(browser, 'desktop');
  await pickPhotos(page, photos.slice(0, 4));
  await waitForScan(page, 4);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const focusedTestId = () => page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);
  let presses = 0;
  while ((await focusedTestId()) !== 'result' && presses < 40) {
    await page.keyboard.press('Tab');
    presses++;
  }
  expect(await focusedTestId()).toBe('result');
  // The skip link takes a keyboard user past the panel in one step.
  await page.keyboard.press('Space');
  await expect(page.locator('[data-testid=result][aria-selected=true]')).toHaveCount(1);
  // Tab leaves the grid in one press (one tab stop) and reaches the clean-up bar.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('[data-testid=action-bar]') !== null)).toBe(true);
  await page.keyboard.press('Enter'); // "Clear selection" comes first in the bar
  await expect(page.locator('[data-testid=result][aria-selected=true]')).toHaveCount(0);
  await page.context().close();
});

test('the install button appears when the browser offers installation and prompts once', async ({ browser }) => {
  const page = await openApp(browser, 'desktop');
  const install = page.getByTestId('install');
  await expect(install).toBeHidden();
  // Headless Chromium never fires beforeinstallprompt itself; this is the event it would send.
  await page.evaluate(() => {
    const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & { prompt(): Promise<void>; userChoice: Promise<unknown> };
    (window as unknown as { prompted: number }).prompted = 0;
    event.prompt = async () => void (window as unknown as { prompted: number }).prompted++;
    event.userChoice = Promise.resolve({ outcome: 'accepted', platform: 'web' });
    window.dispatchEvent(event);
  });
  await expect(install).toBeVisible();
  await install.click();
  await expect(install).toBeHidden();
  expect(await page.evaluate(() => (window as unknown as { prompted: number }).prompted)).toBe(1);
  await page.context().close();
});
