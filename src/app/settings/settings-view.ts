// Settings and "about": what is stored on this device and a button to forget it all, which
// detector runs on which backend, the keyboard shortcuts, and the privacy promise.
import { h } from '../ui/dom.ts';
import { icon } from '../ui/icons.ts';
import { infoDialog, confirmDialog } from '../ui/dialog.ts';
import { formatBytes, plural } from '../ui/format.ts';
import { shortcutsList } from '../ui/shortcuts.ts';
import type { ResultsDb } from '../storage/results-db.ts';
import type { ScanController } from '../scan/scan-controller.ts';

export interface SettingsDeps {
  db: ResultsDb;
  scan: ScanController;
  /** Forgets stored results and the photos on screen. */
  clearAll(): Promise<void>;
}

export function settingsButton(deps: SettingsDeps): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'button ghost on-dark icon-only', 'aria-label': 'Settings and stored data', 'data-testid': 'open-settings' }, icon('gear'));
  button.addEventListener('click', () => void open(deps));
  return button;
}

async function open({ db, scan, clearAll }: SettingsDeps): Promise<void> {
  const count = await db.count().catch(() => 0);
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  const ready = scan.progress.ready;
  const clear = h('button', { type: 'button', class: 'button danger', 'data-testid': 'clear-data' }, 'Clear all stored data');
  const stored = h(
    'p',
    { 'data-testid': 'stored-count', 'data-count': count },
    `${plural(count, 'result')} remembered on this device${estimate?.usage != null ? ` (this app uses ${formatBytes(estimate.usage)} in all, including the offline copy of the app)` : ''}.`,
  );
  const dialog = infoDialog(
    'Settings',
    [
      h('h3', {}, 'Your data'),
      h('p', {}, 'Photos are analysed on this device and never uploaded. Results and small previews are kept here so the next visit starts where you left off.'),
      stored,
      h('p', {}, clear),
      h('h3', {}, 'Detector'),
      h('p', { 'data-testid': 'detector-info' }, ready ? `${ready.detector} detector on ${ready.backend} (${ready.backendDetail})` : scan.progress.failure ? `Could not start: ${scan.progress.failure}` : 'Getting ready…'),
      h('h3', {}, 'Keyboard'),
      shortcutsList(),
    ],
    'settings-dialog',
  );
  clear.addEventListener('click', async () => {
    const ok = await confirmDialog({
      title: 'Clear all stored data?',
      body: [`This forgets ${plural(count, 'remembered result')} and the remembered folder. Your photos themselves are not touched.`],
      confirmLabel: 'Clear stored data',
      danger: true,
      testId: 'clear-dialog',
    });
    if (!ok) return;
    await clearAll();
    stored.textContent = 'Nothing is stored on this device now.';
    stored.dataset.count = '0';
    clear.disabled = true;
  });
  void dialog;
}
