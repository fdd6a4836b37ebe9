// "Nothing leaves your device", checked: through a first visit, the service worker's install,
// a scan, the review (viewer, overlays, sensitivity, export) and an offline-capable reload,
// every request from the page, its workers and the service worker goes to the app's own
// origin; no WebSocket opens and the CSP blocks nothing (nothing even tried). The CSP itself
// allows no other host, so a leak added later is blocked in users' browsers and fails here.
import { test, expect, waitForServiceWorkerControl } from './fixtures.ts';
import { dropPhotos, waitForScan } from './app.ts';
import { sharpJpeg, defocusedJpeg } from './photos.ts';
import { recordNetwork } from './network-recorder.ts';

/** Directive -> sources of a CSP header value. */
function parseCsp(header: string): Map<string, string[]> {
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

/** Sources that name no other host: keywords, and this origin's own schemes. */
const LOCAL_SOURCE = /^('self'|'none'|'unsafe-inline'|'unsafe-eval'|'wasm-unsafe-eval'|'strict-dynamic'|'nonce-[^']+'|'sha(256|384|512)-[^']+'|blob:|data:)$/;

test('a visit, an install, a scan and a review talk to no other origin', async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  const origin = new URL(baseURL!).origin;
  const network = await recordNetwork(context);

  const response = await page.goto('/');
  const csp = response!.headers()['content-security-policy'];
  expect(csp, 'the page is served with a Content-Security-Policy').toBeTruthy();
  const directives = parseCsp(csp);
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  for (const [name, sources] of directives) {
    for (const source of sources) expect(source, `${name} allows only this origin`).toMatch(LOCAL_SOURCE);
  }
  await waitForServiceWorkerControl(page);

  await dropPhotos(page, [
    { name: 'private-sharp.jpg', bytes: sharpJpeg(801) },
    { name: 'private-blurry.jpg', bytes: defocusedJpeg(802, 7) },
  ]);
  await waitForScan(page, 2);

  // Review: the viewer with its overlays (the edge map comes from the worker pool), the slider, an export.
  await page.getByTestId('result').first().click();
  await expect(page.getByTestId('viewer')).toBeVisible();
  await page.getByTestId('toggle-regions').click();
  await page.getByTestId('toggle-edges').click();
  await expect(page.getByTestId('edge-overlay')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('viewer-close').click();
  await page.getByTestId('sensitivity').fill('80');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  await download;

  // The analysis workers run under the same policy: an attempt to reach another host from
  // inside one is blocked by the browser (a violation event, not a network error).
  const analysisWorker = page.workers().find((w) => w.url().includes('analysis.worker'));
  expect(analysisWorker, 'the analysis worker is running').toBeTruthy();
  const blocked = await analysisWorker!.evaluate(async () => {
    const violation = new Promise<string>((resolve) =>
      self.addEventListener('securitypolicyviolation', (e) => resolve((e as SecurityPolicyViolationEvent).effectiveDirective), { once: true }),
    );
    await fetch('https://cdn.example.invalid/model.json').catch(() => {});
    return Promise.race([violation, new Promise<string>((resolve) => setTimeout(() => resolve('not blocked by CSP'), 2000))]);
  });
  expect(blocked).toBe('connect-src');

  // A second visit, served by the service worker.
  await page.reload();
  await expect(page.getByTestId('result')).toHaveCount(2);
  await page.waitForLoadState('networkidle');

  // The recorder saw the whole journey: the page, the service worker's precache and the analysis workers' own requests.
  const seen = (from: string, path: RegExp) => network.requests.some((r) => r.from === from && path.test(r.url));
  expect(seen('page or its workers', /\/assets\/main-.*\.js$/), 'page requests recorded').toBe(true);
  expect(seen('service worker', /\/assets\/opencv-entry-.*\.js$/), 'service worker precache recorded').toBe(true);
  // Only the analysis workers fetch the models.
  expect(seen('page or its workers', /\/models\/.*\.json$/), 'analysis worker requests recorded').toBe(true);
  console.log(`${network.requests.length} requests, all to ${origin}`);
  expect(network.offOrigin(origin)).toEqual([]);
});

test('the recorder itself notices attempts to reach another origin', async ({ page, context, baseURL }) => {
  // A check of the check: if the page ever leaked, would the test above see it? Attempts are
  // made on purpose here. (Workers' attempts are covered above: their requests are recorded, and
  // the CSP is shown to bind them.)
  const origin = new URL(baseURL!).origin;
  const network = await recordNetwork(context);
  await page.goto('/');
  await page.evaluate(async () => {
    await fetch('http://analytics.example.invalid/collect?photo=1').catch(() => {});
    const img = new Image();
    img.src = 'https://fonts.example.invalid/pixel.png';
    await new Promise((r) => setTimeout(r, 500));
  });
  const leaks = network.offOrigin(origin).join('\n');
  expect(leaks).toContain('analytics.example.invalid');
  expect(leaks).toContain('fonts.example.invalid');
});
