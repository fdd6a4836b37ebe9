// Where things sit once results are in. Messages (toasts) never lie on a photo or its checkbox;
// on a phone the controls fold away after a scan so the first row of photos is on the first
// screen; the keyboard shortcuts can be found with ? and a header button.
import { test, expect, type Browser, type Locator, type Page } from '@playwright/test';
import { scannedPage } from './app.ts';
import { sharpJpeg, defocusedJpeg, type TestPhoto } from './photos.ts';

const T0 = Date.UTC(2024, 9, 5, 13, 0);
const photos: TestPhoto[] = [
  ...[701, 702, 703, 704, 705, 706].map((seed, i) => ({ name: `PXL_20241005_1${i}0000.jpg`, bytes: sharpJpeg(seed), lastModified: T0 + i * 600_000 })),
  ...[707, 708, 709].map((seed, i) => ({ name: `PXL_20241005_1${i}5000.jpg`, bytes: defocusedJpeg(seed, 6), lastModified: T0 + i * 600_000 + 300_000 })),
];
// One file that is not a photo: the scan reports it in a message, which stays until dismissed.
const withNote: TestPhoto[] = [...photos, { name: 'notes.txt', bytes: Buffer.from('not a photo') }];

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxes(locator: Locator): Promise<Box[]> {
  return locator.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
}

/** The cards (and their checkboxes) that something fixed on screen lies on. */
async function coveredCards(page: Page, cover: Locator): Promise<number> {
  const covers = await boxes(cover);
  const cards = await boxes(page.getByTestId('result'));
  return cards.filter((card) => covers.some((c) => c.width > 0 && overlaps(card, c))).length;
}

async function scanned(browser: Browser, viewport: { width: number; height: number }, phone: boolean): Promise<Page> {
  const page = await scannedPage(browser, withNote, viewport, { phone, total: photos.length });
  await expect(page.getByTestId('toast')).toContainText('not a photo');
  return page;
}

test.describe('desktop 1366 x 900', () => {
  test.describe.configure({ mode: 'serial' });
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await scanned(browser, { width: 1366, height: 900 }, false);
  });
  test.afterAll(async () => page.context().close());

  test('messages sit beside the photos, never on a card or its checkbox', async () => {
    const toast = page.getByTestId('toast');
    await expect(toast).toBeInViewport();
    expect(await coveredCards(page, toast)).toBe(0);
    // With a selection (the clean-up bar) and scrolled to the end, still clear.
    await page.getByTestId('select-toggle').first().click();
    await expect(page.getByTestId('action-bar')).toBeVisible();
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect(toast).toBeInViewport();
    expect(await coveredCards(page, toast)).toBe(0);
    await page.getByTestId('clear-selection').click();
  });

  test('? opens the keyboard shortcuts from the grid and the viewer; a header button says so', async () => {
    const sheet = page.getByTestId('shortcuts-dialog');
    // A stack keeps its other shots' cards in the page, hidden: take a card on screen.
    const card = page.locator('[data-testid=result]:visible').first();
    await card.focus();
    await page.keyboard.press('?');
    await expect(sheet).toBeVisible();
    await expect(sheet).toContainText('Space');
    await expect(sheet).toContainText(/select/i);
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(card).toBeFocused();

    const button = page.getByTestId('open-shortcuts');
    await expect(button).toBeVisible();
    await expect(button).toHaveAccessibleName('Keyboard shortcuts');
    await button.click();
    await expect(sheet).toBeVisible();
    await page.keyboard.press('Escape');
    // The sheet hands focus back to its button on its 'close' event, a task after Escape: wait for
    // it, or it lands after the card's focus below and Enter presses the button (seen in CI).
    await expect(sheet).toBeHidden();
    await expect(button).toBeFocused();

    await card.focus();
    await page.keyboard.press('Enter');
    const viewer = page.getByTestId('viewer');
    await expect(viewer).toBeVisible();
    await page.keyboard.press('?');
    await expect(sheet).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(viewer).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();
  });
});

for (const viewport of [{ width: 390, height: 844 }, { width: 360, height: 740 }]) {
  test(`phone ${viewport.width} x ${viewport.height}: after a scan the first row of photos is on the first screen, clear of messages`, async ({ browser }) => {
    const page = await scanned(browser, viewport, true);
    const toast = page.getByTestId('toast');
    const cards = await boxes(page.getByTestId('result'));
    const firstRow = cards.filter((c) => Math.abs(c.y - cards[0].y) < 1);
    expect(firstRow.length).toBeGreaterThanOrEqual(2);
    const [toastBox] = await boxes(toast);
    for (const card of firstRow) {
      expect(card.y).toBeGreaterThanOrEqual(0);
      expect(card.y + card.height, 'the whole card is on the first screen').toBeLessThanOrEqual(viewport.height);
      expect(overlaps(card, toastBox), 'no message on it').toBe(false);
    }

    // No keyboard on a phone, so no shortcuts button taking room in the header.
    await expect(page.getByTestId('open-shortcuts')).toBeHidden();
    // The folded controls: the counts, and the rest a tap away.
    const fold = page.getByTestId('controls-fold');
    await expect(fold).toHaveAttribute('aria-expanded', 'false');
    await expect(fold).toContainText(`${photos.length} of ${photos.length} checked`);
    await fold.click();
    await expect(page.getByTestId('select-blurry')).toBeVisible();
    await page.getByTestId('select-blurry').click();
    await expect(page.getByTestId('action-bar')).toBeVisible();

    // Scrolled to the end, the last photos sit above the message and the clean-up bar.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect(toast).toBeInViewport();
    expect(await coveredCards(page, toast)).toBe(0);
    expect(await coveredCards(page, page.getByTestId('action-bar'))).toBe(0);
    const [bar] = await boxes(page.getByTestId('action-bar'));
    const [message] = await boxes(toast);
    expect(overlaps(bar, message), 'the message stacks above the bar').toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await page.context().close();
  });
}
