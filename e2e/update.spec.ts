// The update prompt: a new version of the app never takes over on its own (a scan may be
// running); the page offers it, and reloads into it when the person agrees. A "deployment"
// here is a changed dist/sw.js (restored afterwards): Playwright cannot intercept the
// browser's own service-worker update check.
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect, waitForServiceWorkerControl } from './fixtures.ts';

const SW = new URL('../dist/sw.js', import.meta.url).pathname;

test('a new service worker waits until the person chooses to reload', async ({ page }) => {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  const original = readFileSync(SW, 'utf8');
  try {
    writeFileSync(SW, `${original}\n// next version ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.getByTestId('update-ready');
    await expect(banner).toBeVisible({ timeout: 60_000 });
    await expect(banner).toContainText('A new version of Blur Finder is ready');
    // The old worker stays in control until the person agrees.
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(true);
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: /Reload/ }).click()]);
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
    await expect
      .poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)))
      .toBe(false);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Blur Finder');
  } finally {
    writeFileSync(SW, original);
  }
});
