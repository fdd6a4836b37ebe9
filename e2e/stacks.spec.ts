// Bursts and similar shots as a culling app shows them: one stack per moment, best shot on top,
// labels that agree while a scan is still filling the stack, side-by-side comparison at one zoom,
// and bulk selections that never take a moment's best shot.
import { test, expect, type Page } from '@playwright/test';
import { pickPhotos, waitForScan, result, scannedPage } from './app.ts';
import { sharpJpeg, defocusedJpeg, motionJpeg, type TestPhoto } from './photos.ts';
import { readyAnalysisWorkers, slowDecodes } from './workers.ts';

const T0 = Date.UTC(2024, 9, 5, 13, 45);
const MIN = 60_000;
const photos: TestPhoto[] = [
  { name: 'street-sharp.jpg', bytes: sharpJpeg(41), lastModified: T0 - 5 * MIN },
  // A burst of four, 0.7 s apart: the third is the sharp one.
  { name: 'PXL_20241005_134500101.jpg', bytes: defocusedJpeg(40, 6), lastModified: T0 },
  { name: 'PXL_20241005_134500801.jpg', bytes: motionJpeg(40, 41), lastModified: T0 + 700 },
  { name: 'PXL_20241005_134501501.jpg', bytes: sharpJpeg(40), lastModified: T0 + 1400 },
  { name: 'PXL_20241005_134502201.jpg', bytes: defocusedJpeg(40, 4), lastModified: T0 + 2100 },
  { name: 'tree-defocus.jpg', bytes: defocusedJpeg(42, 8), lastModified: T0 + 2 * MIN },
  // A burst where every shot is blurry: the least blurry is still the best of the moment.
  { name: 'dog-1.jpg', bytes: defocusedJpeg(43, 9), lastModified: T0 + 4 * MIN },
  { name: 'dog-2.jpg', bytes: defocusedJpeg(43, 6), lastModified: T0 + 4 * MIN + 900 },
  // The same view tried again two minutes later: beyond a burst, still the same scene.
  { name: 'view.jpg', bytes: defocusedJpeg(44, 7), lastModified: T0 + 10 * MIN },
  { name: 'view-again.jpg', bytes: defocusedJpeg(44, 5), lastModified: T0 + 12 * MIN },
];
const BURST = photos.slice(1, 5).map((p) => p.name);

/** Checks the grid on every change: each group's members agree on its size, sit together, and one of them shows. */
async function watchStacks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const problems: string[] = [];
    (window as unknown as { stackProblems: string[] }).stackProblems = problems;
    const check = () => {
      const cards = [...document.querySelectorAll<HTMLElement>('[data-testid=result]')];
      const groups = new Map<string, number[]>();
      cards.forEach((c, i) => c.dataset.burst && groups.set(c.dataset.burst, [...(groups.get(c.dataset.burst) ?? []), i]));
      for (const [id, at] of groups) {
        const members = at.map((i) => cards[i]);
        const sizes = new Set(members.map((c) => c.dataset.burstSize));
        const tags = members.map((c) => c.querySelector('[data-testid=group-tag]')?.textContent ?? '');
        if (sizes.size !== 1 || Number([...sizes][0]) !== at.length) problems.push(`${id}: sizes ${[...sizes]} for ${at.length} cards`);
        if (tags.some((t) => !t.includes(String(at.length)))) problems.push(`${id}: labels ${tags.join(' / ')}`);
        if (at[at.length - 1] - at[0] !== at.length - 1) problems.push(`${id}: scattered over ${at.join(',')}`);
        if (members.filter((c) => !c.hidden).length !== 1) problems.push(`${id}: ${members.filter((c) => !c.hidden).length} cards showing`);
      }
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

test('a burst is one stable stack while the scan fills it, best on top; similar shots stack too', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await watchStacks(page);
  await pickPhotos(page, photos);
  // Results arrive one by one, so the burst grows from 2 to 4 on screen.
  for (const worker of await readyAnalysisWorkers(page)) await slowDecodes(worker, 700);
  await waitForScan(page, photos.length, 150_000);
  expect(await page.evaluate(() => (window as unknown as { stackProblems: string[] }).stackProblems)).toEqual([]);

  const top = result(page, BURST[2]);
  await expect(top).toHaveAttribute('data-stack', 'top');
  await expect(top).toHaveAttribute('data-burst-best', 'true');
  await expect(top).toHaveAttribute('data-stack-count', '4');
  await expect(top.getByTestId('group-tag')).toHaveText('Best of 4');
  for (const name of [BURST[0], BURST[1], BURST[3]]) {
    await expect(result(page, name)).toBeHidden();
    await expect(result(page, name).getByTestId('group-tag')).toHaveText('Burst of 4');
  }
  // Beyond the burst window the same view makes a "similar" stack; other scenes stay single.
  await expect(result(page, 'view.jpg')).toHaveAttribute('data-group-kind', 'similar');
  expect(await result(page, 'view-again.jpg').getAttribute('data-burst')).toBe(await result(page, 'view.jpg').getAttribute('data-burst'));
  for (const name of ['street-sharp.jpg', 'tree-defocus.jpg']) await expect(result(page, name)).not.toHaveAttribute('data-burst', /./);
  // Five cards show: 10 photos less the 3 + 1 + 1 behind the tops of the three stacks.
  await expect(page.locator('[data-testid=result]:visible')).toHaveCount(5);
});

test('a stack opens side by side at one zoom; a shot is picked there by hand', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/');
  await pickPhotos(page, photos);
  await waitForScan(page, photos.length, 120_000);

  await result(page, BURST[2]).getByTestId('stack-open').click();
  const dialog = page.getByTestId('compare-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText('Burst of 4');
  const panels = dialog.getByTestId('compare-panel');
  // Best first, then the others in the order they were taken.
  expect(await panels.evaluateAll((els) => els.map((e) => e.getAttribute('data-file-name')))).toEqual([BURST[2], BURST[0], BURST[1], BURST[3]]);
  const boxes = await panels.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  expect(new Set(boxes.map(Math.round)).size, 'four across on a desktop').toBe(1);

  await dialog.locator('[data-testid=compare-zoom][data-zoom="1"]').click();
  const images = dialog.getByTestId('compare-photo');
  await expect.poll(() => images.evaluateAll((els) => els.map((i) => Math.round(i.getBoundingClientRect().width)))).toEqual([640, 640, 640, 640]);
  // Panning one shot pans them all to the same spot.
  const stages = dialog.locator('.compare-stage');
  await stages.nth(1).evaluate((s) => s.scrollTo(200, 150));
  await expect
    .poll(() => stages.evaluateAll((els) => els.map((s) => `${Math.round(s.scrollLeft)},${Math.round(s.scrollTop)}`)))
    .toEqual(Array(4).fill(await stages.nth(1).evaluate((s) => `${Math.round(s.scrollLeft)},${Math.round(s.scrollTop)}`)));

  // By hand, the best shot can be ticked too.
  await panels.first().getByTestId('compare-select').check();
  await expect(result(page, BURST[2])).toHaveAttribute('aria-selected', 'true');
  await dialog.getByTestId('compare-close').click();
  // The stack's corner says a shot in it is selected.
  await expect(result(page, BURST[2]).getByTestId('stack-open')).toHaveAttribute('data-selected', '1');
});

test('bulk selections never take the best shot of a burst or similar group; a hand can', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await pickPhotos(page, photos);
  await waitForScan(page, photos.length, 120_000);

  const groups = ['dog-1.jpg', 'view.jpg', BURST[0]];
  const bestOf = async (member: string) => {
    const id = await result(page, member).getAttribute('data-burst');
    return page.locator(`[data-testid=result][data-burst="${id}"][data-burst-best=true]`).getAttribute('data-file-name');
  };
  const bests = await Promise.all(groups.map(bestOf));
  // Every shot of the dog burst and of the view is blurry, the best ones too.
  for (const name of bests.slice(0, 2)) await expect(result(page, name!)).toHaveAttribute('data-verdict', 'blurry');

  await page.getByTestId('select-blurry').click();
  const blurry = await page.locator('[data-testid=result][data-verdict=blurry]').evaluateAll((els) => els.map((e) => e.getAttribute('data-file-name')!));
  // The selection is drawn after the click returns: poll rather than read once (a loaded CI host
  // read it empty).
  const selected = () => page.locator('[data-testid=result][aria-selected=true]').evaluateAll((els) => els.map((e) => e.getAttribute('data-file-name')!).sort());
  await expect.poll(selected).toEqual(blurry.filter((n) => !bests.includes(n)).sort());
  await expect(page.getByTestId('toast')).toContainText('The best shot of 2 bursts or similar groups stays unselected');

  // "Keep the best, select the rest" and select-all follow the same rule.
  await page.getByTestId('clear-selection').click();
  await page.getByTestId('keep-best').click();
  for (const name of bests) await expect(result(page, name!)).toHaveAttribute('aria-selected', 'false');
  await page.getByTestId('clear-selection').click();
  await page.locator('[data-testid=result]:visible').first().focus();
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('action-bar')).toHaveAttribute('data-count', String(photos.length - 3));
  for (const name of bests) await expect(result(page, name!)).toHaveAttribute('aria-selected', 'false');

  // The person can still pick a best shot by hand.
  await result(page, bests[0]!).locator('.check').click();
  await expect(result(page, bests[0]!)).toHaveAttribute('aria-selected', 'true');
});

for (const width of [360, 390]) {
  test(`phone ${width} px: stacks fit the grid and the comparison shows two shots across`, async ({ browser }) => {
    test.setTimeout(150_000);
    const page = await scannedPage(browser, photos, { width, height: 800 }, { phone: true, timeout: 120_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const open = result(page, BURST[2]).getByTestId('stack-open');
    const box = (await open.boundingBox())!;
    expect(box.height, 'a corner big enough to tap').toBeGreaterThanOrEqual(32);
    const tick = (await result(page, BURST[2]).locator('.check').boundingBox())!;
    expect(box.x, 'the corner leaves the tick free').toBeGreaterThanOrEqual(tick.x + tick.width);
    await open.tap();
    const panels = page.getByTestId('compare-panel');
    await expect(panels).toHaveCount(4);
    const rects = await panels.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), left: r.left, right: r.right })));
    expect(rects[0].top).toBe(rects[1].top);
    expect(rects[2].top).toBeGreaterThan(rects[0].top);
    for (const r of rects) expect(r.left >= 0 && r.right <= width, `panel inside the ${width} px screen`).toBe(true);
    const close = (await page.getByTestId('compare-close').boundingBox())!;
    expect(close.x + close.width).toBeLessThanOrEqual(width);
    await page.context().close();
  });
}
