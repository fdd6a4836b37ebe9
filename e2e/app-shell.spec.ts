import { test, expect, waitForServiceWorkerControl } from './fixtures.ts';

test.describe('app shell', () => {
  test('loads with a drop zone and a multi-file picker and no console errors', async ({ page, problems }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Blur Finder/);
    const input = page.locator('input[type=file][multiple]');
    await expect(input).toHaveCount(1);
    await expect(input).toHaveAttribute('accept', 'image/*');
    await expect(page.getByTestId('drop-zone')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });

  test('is cross-origin isolated so the wasm backend can use threads', async ({ page }) => {
    await page.goto('/');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  });

  test('a service worker takes control and the app reloads offline', async ({ page, context }) => {
    await page.goto('/');
    await waitForServiceWorkerControl(page);
    // Everything the app needs, opencv.js and the models included, is in the precache.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        urls.push(...(await cache.keys()).map((r) => new URL(r.url).pathname));
      }
      return urls;
    });
    expect(cached).toContain('/index.html');
    expect(cached.some((u) => /opencv-entry.*\.js$/.test(u))).toBe(true);
    expect(cached.some((u) => /\.wasm$/.test(u))).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Blur Finder/);
    await expect(page.locator('input[type=file][multiple]')).toHaveCount(1);
    await context.setOffline(false);
  });

  test('the manifest is installable: standalone, real 192 and 512 px icons, maskable', async ({ page, request }) => {
    await page.goto('/');
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    expect(href).toBeTruthy();
    const response = await request.get(href!);
    expect(response.ok()).toBe(true);
    const manifest = await response.json();
    expect(manifest.display).toBe('standalone');
    expect(manifest.name).toBeTruthy();
    expect(manifest.short_name).toBeTruthy();
    expect(manifest.start_url).toBe('/');
    const icons: Array<{ src: string; sizes: string; type: string; purpose?: string }> = manifest.icons;
    for (const size of ['192x192', '512x512']) {
      expect(icons.some((i) => i.sizes === size && (i.purpose ?? 'any').includes('any'))).toBe(true);
      expect(icons.some((i) => i.sizes === size && i.purpose?.includes('maskable'))).toBe(true);
    }
    for (const icon of icons) {
      const img = await request.get(icon.src);
      expect(img.ok()).toBe(true);
      expect(img.headers()['content-type']).toContain('image/png');
      // The PNG header holds the real pixel size; it must match what the manifest claims.
      const bytes = await img.body();
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
    // Chromium's own installability check (the app-manifest errors from the DevTools protocol).
    const cdp = await page.context().newCDPSession(page);
    await waitForManifest(cdp);
  });
});

async function waitForManifest(cdp: import('@playwright/test').CDPSession): Promise<void> {
  const result = (await cdp.send('Page.getAppManifest')) as { errors: Array<{ message: string; critical: number }> };
  expect(result.errors.filter((e) => e.critical)).toEqual([]);
  const installability = (await cdp.send('Page.getInstallabilityErrors' as never)) as {
    installabilityErrors: Array<{ errorId: string }>;
  };
  // In headless Chromium a service worker with a fetch handler and a valid manifest leave no errors
  // other than those about the headless environment itself.
  const ids = installability.installabilityErrors.map((e) => e.errorId);
  expect(ids.filter((id) => !/in-incognito|not-from-secure-origin|no-acceptable-icon-cache/.test(id))).toEqual([]);
}
