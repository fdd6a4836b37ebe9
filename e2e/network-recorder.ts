// Records every request a browser context makes — pages, their dedicated workers, the service
// worker — plus WebSockets and Content-Security-Policy violations (a request the CSP blocked
// never reaches the network, but it was still an attempt to leave the device).
import type { BrowserContext, Page } from '@playwright/test';

export interface RecordedRequest {
  url: string;
  /** Who asked: 'service worker' or 'page or its workers'. */
  from: string;
  resourceType: string;
}

export interface NetworkRecord {
  requests: RecordedRequest[];
  webSockets: string[];
  cspViolations: string[];
  /** Requests (and attempts) that went anywhere but `origin` or the page's own blob:/data: URLs. */
  offOrigin(origin: string): string[];
}

const LOCAL_SCHEMES = new Set(['blob:', 'data:', 'about:']);

export async function recordNetwork(context: BrowserContext): Promise<NetworkRecord> {
  const record: NetworkRecord = {
    requests: [],
    webSockets: [],
    cspViolations: [],
    offOrigin(origin) {
      const off = record.requests.filter((r) => {
        const url = new URL(r.url);
        return !LOCAL_SCHEMES.has(url.protocol) && url.origin !== origin;
      });
      return [...off.map((r) => `${r.url} (from ${r.from})`), ...record.webSockets.map((u) => `WebSocket ${u}`), ...record.cspViolations];
    },
  };
  context.on('request', (request) => {
    // Dedicated workers' requests arrive as the page's (Playwright reports them with the page).
    const from = request.serviceWorker() ? 'service worker' : 'page or its workers';
    record.requests.push({ url: request.url(), from, resourceType: request.resourceType() });
  });
  const watchPage = (page: Page) => {
    page.on('websocket', (ws) => record.webSockets.push(ws.url()));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) record.cspViolations.push(`CSP: ${message.text()}`);
    });
    // A worker's blocked attempts are reported on its own console (after Playwright attaches to it).
    page.on('worker', (worker) => {
      worker.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) record.cspViolations.push(`CSP in worker ${worker.url()}: ${message.text()}`);
      });
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  // The page reports blocked attempts itself too, before any console message is written.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return record;
}
