// The viewer at 100%: it opens on the part of the photo that decided the verdict (the sharpest
// part of a sharp photo, the blurriest judged part of a blurry one), and a mouse drags the photo
// around, as in any photo viewer.
import { test, expect, type Page } from '@playwright/test';
import { result, scannedPage } from './app.ts';
import { enlargedJpeg } from './composite-photos.ts';
import { bigSharpJpeg, type TestPhoto } from './photos.ts';

test.describe.configure({ mode: 'serial' });

const photos: TestPhoto[] = [
  { name: 'big-sharp.jpg', bytes: bigSharpJpeg(601, 2000, 1500) },
  { name: 'big-soft.jpg', bytes: enlargedJpeg(602, 2000, 1500, 5) },
];

let page: Page;
test.beforeAll(async ({ browser }) => {
  page = await scannedPage(browser, photos, { width: 1366, height: 900 });
});
test.afterAll(async () => page.context().close());

async function openAt100(name: string): Promise<void> {
  await result(page, name).click();
  await expect(page.getByTestId('viewer')).toHaveAttribute('data-file-name', name);
  await expect.poll(() => page.getByTestId('viewer-photo').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(2000);
  // The map on, so its cells (data-cells) can be read; then 100%.
  const regions = page.getByTestId('toggle-regions');
  if ((await regions.getAttribute('aria-pressed')) !== 'true') await regions.click();
  await page.getByTestId('viewer-zoom').click();
  await expect.poll(() => page.getByTestId('viewer-photo').evaluate((i) => Math.round(i.getBoundingClientRect().width))).toBe(2000);
}

/** The photo pixel in the middle of the stage at 100%. */
const viewCentre = () =>
  page.locator('.viewer-stage').evaluate((s) => ({ x: s.scrollLeft + s.clientWidth / 2, y: s.scrollTop + s.clientHeight / 2, maxLeft: s.scrollWidth - s.clientWidth, maxTop: s.scrollHeight - s.clientHeight, left: s.scrollLeft, top: s.scrollTop, w: s.clientWidth, h: s.clientHeight }));

for (const name of ['big-sharp.jpg', 'big-soft.jpg']) {
  test(`${name}: 100% opens on the region that decided the verdict`, async () => {
    await openAt100(name);
    const verdict = (await page.getByTestId('viewer').getAttribute('data-verdict'))!;
    const overlay = page.getByTestId('region-overlay');
    const cols = Number(await overlay.getAttribute('data-cols'));
    const rows = Number(await overlay.getAttribute('data-rows'));
    const cells = (await overlay.getAttribute('data-cells'))!;
    const focus = Number(await page.locator('.viewer-stage').getAttribute('data-focus-cell'));
    expect(Number.isInteger(focus) && focus >= 0 && focus < cells.length, `focus cell ${focus}`).toBe(true);
    // The kind of region that decided the verdict, wherever the map has one.
    const wanted = verdict === 'sharp' ? 's' : 'b';
    if (cells.includes(wanted)) expect(cells[focus], `${verdict} photo opens on a ${wanted} cell`).toBe(wanted);

    // That cell is in the middle of the view, as far as the photo's edges allow.
    const cellX = ((focus % cols) + 0.5) * (2000 / cols);
    const cellY = (Math.floor(focus / cols) + 0.5) * (1500 / rows);
    await expect.poll(async () => {
      const v = await viewCentre();
      const wantLeft = Math.min(v.maxLeft, Math.max(0, cellX - v.w / 2));
      const wantTop = Math.min(v.maxTop, Math.max(0, cellY - v.h / 2));
      return Math.abs(v.left - wantLeft) <= 2 && Math.abs(v.top - wantTop) <= 2;
    }).toBe(true);
    await page.getByTestId('viewer-close').click();
  });
}

test('at 100% a mouse drag pans the photo and does not step to another photo', async () => {
  await openAt100('big-sharp.jpg');
  const stage = page.locator('.viewer-stage');
  // Start from the middle so there is room to move either way.
  await stage.evaluate((s) => {
    s.scrollLeft = (s.scrollWidth - s.clientWidth) / 2;
    s.scrollTop = (s.scrollHeight - s.clientHeight) / 2;
  });
  const before = await viewCentre();
  const box = (await stage.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 - 100, { steps: 6 });
  await page.mouse.up();
  const after = await viewCentre();
  // Dragging the photo left and up shows what lies right of and below the old view.
  expect(after.left - before.left).toBeCloseTo(150, -1);
  expect(after.top - before.top).toBeCloseTo(100, -1);
  await expect(page.getByTestId('viewer')).toHaveAttribute('data-file-name', 'big-sharp.jpg');
  await expect(stage).toHaveCSS('cursor', 'grab');
  await page.getByTestId('viewer-close').click();
});
