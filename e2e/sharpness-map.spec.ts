// The sharpness map has to read on any photo and for colour-blind people: blurry regions are
// shaded and outlined, sharp ones left clear, and no colour is added (a red/green tint hid a
// baboon's red nose and green fur, and red/green is what colour-blind eyes confuse). The causes
// of blur ("motion blur 84%") belong to blurry and uncertain photos, not sharp ones.
import { test, expect, type Page } from '@playwright/test';
import { result, scannedPage } from './app.ts';
import { compositeJpeg } from './composite-photos.ts';
import { sharpJpeg, defocusedJpeg, type TestPhoto } from './photos.ts';

test.describe.configure({ mode: 'serial' });

const photos: TestPhoto[] = [
  // Sharp on the left, defocused on the right: the map has both kinds of region to show.
  { name: 'half-soft.jpg', bytes: compositeJpeg(501, 1200, 900, (u) => (u < 0.5 ? 'sharp' : 'soft')) },
  { name: 'sharp.jpg', bytes: sharpJpeg(502) },
  { name: 'soft.jpg', bytes: defocusedJpeg(503, 8) },
];

let page: Page;
test.beforeAll(async ({ browser }) => {
  page = await scannedPage(browser, photos, { width: 1366, height: 900 });
});
test.afterAll(async () => page.context().close());

async function openViewer(name: string): Promise<void> {
  await result(page, name).click();
  await expect(page.getByTestId('viewer')).toHaveAttribute('data-file-name', name);
  await expect.poll(() => page.getByTestId('viewer-photo').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
}

/** A PNG screenshot of the photo as shown on screen (with whatever overlay is on). */
async function shownPhoto(): Promise<string> {
  const box = (await page.getByTestId('viewer-photo').boundingBox())!;
  return (await page.screenshot({ clip: box, animations: 'disabled' })).toString('base64');
}

interface MapEffect {
  /** Per cell: mean brightness inside the cell with the map on, over that without it. */
  ratios: number[];
  /** Pixels that gained colour (chroma up by more than 12 of 255). */
  colourAdded: number;
  /** Pixels made much brighter: only an outline can do that over a photo. */
  brightened: number;
}

/** Compares the two screenshots in the page (decoding PNGs there is quick). */
function mapEffect(beforePng: string, afterPng: string, cols: number, rows: number): Promise<MapEffect> {
  return page.evaluate(
    async ({ beforePng, afterPng, cols, rows }) => {
      const pixels = async (base64: string) => {
        const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
        const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [before, after] = await Promise.all([pixels(beforePng), pixels(afterPng)]);
      const { width, height } = before;
      const luma = (d: Uint8ClampedArray, i: number) => 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      const chroma = (d: Uint8ClampedArray, i: number) => Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]);
      const ratios: number[] = [];
      for (let c = 0; c < cols * rows; c++) {
        const col = c % cols;
        const row = Math.floor(c / cols);
        let was = 0;
        let now = 0;
        // The middle of the cell, away from outlines along its borders.
        for (let y = Math.ceil(((row + 0.3) * height) / rows); y < ((row + 0.7) * height) / rows; y++) {
          for (let x = Math.ceil(((col + 0.3) * width) / cols); x < ((col + 0.7) * width) / cols; x++) {
            const i = (y * width + x) * 4;
            was += luma(before.data, i);
            now += luma(after.data, i);
          }
        }
        ratios.push(now / was);
      }
      let colourAdded = 0;
      let brightened = 0;
      for (let i = 0; i < before.data.length; i += 4) {
        if (chroma(after.data, i) - chroma(before.data, i) > 12) colourAdded++;
        if (luma(after.data, i) - luma(before.data, i) > 60) brightened++;
      }
      return { ratios, colourAdded, brightened };
    },
    { beforePng, afterPng, cols, rows },
  );
}

test('the map shades and outlines blurry regions, leaves sharp ones clear, and adds no colour', async () => {
  await openViewer('half-soft.jpg');
  const toggle = page.getByTestId('toggle-regions');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const before = await shownPhoto();
  await toggle.click();
  const overlay = page.getByTestId('region-overlay');
  await expect(overlay).toBeVisible();
  const after = await shownPhoto();

  // The map the app drew, one letter per cell: s(harp), b(lurry), p(lain: too little detail to judge).
  const cols = Number(await overlay.getAttribute('data-cols'));
  const rows = Number(await overlay.getAttribute('data-rows'));
  const cells = (await overlay.getAttribute('data-cells')) ?? '';
  expect(cells).toHaveLength(cols * rows);
  expect(cells, 'this photo has blurry and sharp regions').toMatch(/b/);
  expect(cells).toMatch(/s/);

  const effect = await mapEffect(before, after, cols, rows);
  for (let c = 0; c < cells.length; c++) {
    const where = `cell ${c % cols},${Math.floor(c / cols)}`;
    if (cells[c] === 'b') expect(effect.ratios[c], `${where} (blurry) is shaded`).toBeLessThan(0.75);
    if (cells[c] === 's') expect(effect.ratios[c], `${where} (sharp) stays clear`).toBeGreaterThan(0.97);
  }
  // Shading and a white-on-dark outline only ever take colour away; the outline is there.
  expect(effect.colourAdded).toBe(0);
  expect(effect.brightened).toBeGreaterThan(100);

  const legend = page.getByTestId('region-legend');
  await expect(legend).toContainText(/blurry/i);
  await expect(legend).toContainText(/sharp/i);
  await page.getByTestId('viewer-close').click();
});

test('a sharp photo lists no causes of blur; a blurry one does', async () => {
  await openViewer('sharp.jpg');
  await expect(page.getByTestId('viewer')).toHaveAttribute('data-verdict', 'sharp');
  const facts = page.getByTestId('viewer-facts');
  await expect(facts).toContainText('Size');
  await expect(facts).not.toContainText(/cause/i);
  await expect(page.locator('.viewer-info')).not.toContainText(/(motion blur|out of focus) \d+%/);
  await page.getByTestId('viewer-close').click();

  await openViewer('soft.jpg');
  await expect(page.getByTestId('viewer')).toHaveAttribute('data-verdict', 'blurry');
  await expect(facts).toContainText(/causes/i);
  await expect(facts).toContainText(/out of focus \d+%/);
  await page.getByTestId('viewer-close').click();
});
