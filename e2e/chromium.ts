// Finds a Chromium to drive: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then
// Playwright's own download. Playwright's browser download does not work on every machine,
// so the Debian package is the usual answer.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    /* no bundled browser */
  }
  return undefined;
}

export function requireChromium(): string {
  const path = findChromium();
  if (!path) {
    throw new Error('No Chromium found: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH=/path/to/chrome.');
  }
  return path;
}

/** Flags that keep a headless Chromium quiet on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--enable-unsafe-webgpu',
];
