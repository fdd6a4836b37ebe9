// A new version arriving mid-scan never breaks the scan: the new service worker installs and
// waits, the page offers "Reload to update", the scan finishes on the page it started on,
// and the new version takes over only when the person clicks. Build A and build B are copies
// of dist/ whose sw.js differ (each answers "which build?"), served by e2e/static-server.ts
// so build B can replace build A while the page is open, with the preview server's headers.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, waitForServiceWorkerControl } from './fixtures.ts';
import { dropPhotos, waitForScan, shownResults } from './app.ts';
import { sharpJpeg, defocusedJpeg, type TestPhoto } from './photos.ts';
import { readyAnalysisWorkers, slowDecodes } from './workers.ts';
import { securityHeadersOf, serveStatic, type StaticServer } from './static-server.ts';

const dist = fileURLToPath(new URL('../dist', import.meta.url));

/** sw.js of a build that says which build it is when asked over a MessageChannel. */
const swOfBuild = (original: string, build: string) =>
  `${original}\nself.addEventListener('message', (e) => { if (e.data === 'which-build') e.ports[0].postMessage(${JSON.stringify(build)}); });\n`;

async function controllingBuild(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const controller = navigator.serviceWorker.controller;
    if (!controller) return null;
    const channel = new MessageChannel();
    const answer = new Promise<string>((resolve) => (channel.port1.onmessage = (e) => resolve(e.data)));
    controller.postMessage('which-build', [channel.port2]);
    return Promise.race([answer, new Promise<string>((resolve) => setTimeout(() => resolve('no answer'), 3000))]);
  });
}

const photos: TestPhoto[] = Array.from({ length: 10 }, (_, i) => ({
  name: `UPD_${i}.jpg`,
  bytes: i % 2 ? defocusedJpeg(900 + i, 7) : sharpJpeg(900 + i),
  lastModified: Date.UTC(2024, 7, 1) + i * 3_600_000,
}));

let site: string;
let server: StaticServer;

test.beforeAll(async ({}, testInfo) => {
  const headers = await securityHeadersOf(testInfo.project.use.baseURL!);
  expect(headers['content-security-policy'], 'the preview server sends the app\'s CSP').toContain("connect-src 'self'");
  site = mkdtempSync(join(tmpdir(), 'blur-finder-site-'));
  cpSync(dist, site, { recursive: true });
  writeFileSync(join(site, 'sw.js'), swOfBuild(readFileSync(join(dist, 'sw.js'), 'utf8'), 'A'));
  server = await serveStatic(site, headers);
});

test.afterAll(async () => {
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

test('a new version waits for the person while a scan runs, then takes over on "Reload to update"', async ({ page, problems }) => {
  test.setTimeout(180_000);
  await page.goto(`${server.origin}/`);
  await waitForServiceWorkerControl(page);
  expect(await controllingBuild(page)).toBe('A');

  await dropPhotos(page, [{ name: 'warm-up.jpg', bytes: sharpJpeg(899) }]);
  await waitForScan(page, 1);
  // Slow decodes keep the scan running long enough for the update to land in the middle of it.
  for (const worker of await readyAnalysisWorkers(page)) await slowDecodes(worker, 1500);
  // A marker that a reload would wipe.
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
  await dropPhotos(page, photos);
  const summary = page.getByTestId('scan-summary');
  await expect.poll(async () => Number(await summary.getAttribute('data-done')), { timeout: 60_000 }).toBeGreaterThan(1);

  // Build B is deployed; the page checks for an update (as the browser does on navigations).
  writeFileSync(join(site, 'sw.js'), swOfBuild(readFileSync(join(dist, 'sw.js'), 'utf8'), 'B'));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  const banner = page.getByTestId('update-ready');
  await expect(banner).toBeVisible({ timeout: 60_000 });
  expect(Number(await summary.getAttribute('data-done')), 'the update arrived mid-scan').toBeLessThan(photos.length + 1);
  await expect(summary).toHaveAttribute('data-state', /scanning|preparing/);
  expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())!.waiting))).toBe(true);

  // The scan finishes on the same page, every photo judged, the old version still in charge.
  await waitForScan(page, photos.length + 1, 120_000);
  const results = await shownResults(page);
  expect(results.filter((r) => r.verdict === 'error')).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  expect(await controllingBuild(page)).toBe('A');
  await expect(banner).toBeVisible();

  // The person accepts: the page reloads under build B and the scan's results are all there.
  await Promise.all([page.waitForEvent('framenavigated'), banner.getByRole('button', { name: 'Reload to update' }).click()]);
  await page.waitForLoadState('load');
  await expect.poll(() => controllingBuild(page), { timeout: 30_000 }).toBe('B');
  await expect(page.getByTestId('result')).toHaveCount(photos.length + 1);
  expect(problems.pageErrors).toEqual([]);
});
