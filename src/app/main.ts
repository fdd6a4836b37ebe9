// Composition root: builds the screens, wires them to the store, the scan controller and the
// database, restores the last session and picks up photos shared into the installed app.
import './ui/base.css';
import { registerServiceWorker } from './offline/register.ts';
import { updateBanner } from './offline/update-banner.ts';
import { analysisPool } from './scan/pool.ts';
import { ScanController } from './scan/scan-controller.ts';
import { progressView } from './scan/progress-view.ts';
import { detectorStatus } from './scan/detector-status.ts';
import { afterFirstPaint } from './scan/warm-up.ts';
import { uncheckedNotice } from './scan/unchecked-notice.ts';
import { PhotoStore } from './state/store.ts';
import { uncheckedPhoto, type Photo } from './state/photo.ts';
import { ResultsDb, fromStored } from './storage/results-db.ts';
import { intakeView } from './intake/intake-view.ts';
import { collectFiles, walkDirectoryHandle, type CollectResult } from './intake/collect.ts';
import { cameFromShare, forgetShareUrl, takeSharedPhotos } from './intake/shared-photos.ts';
import { canReadNow, requestRead } from './intake/fs-access.ts';
import { SHARE_CACHE } from './offline/share-target-sw.ts';
import { toolbarView } from './review/toolbar-view.ts';
import { controlsFold } from './review/controls-fold.ts';
import { gridView } from './review/grid-view.ts';
import { verdictThresholds } from '../core/fusion/verdict.ts';
import { viewerView } from './viewer/viewer-view.ts';
import { trackBursts } from './bursts/burst-tracker.ts';
import { compareView } from './bursts/compare-view.ts';
import { CleanUp } from './actions/clean-up.ts';
import { Trash } from './actions/trash.ts';
import { trashBar } from './actions/trash-bar.ts';
import { actionBar } from './actions/action-bar.ts';
import { exportCsv, exportJson } from './actions/export-results.ts';
import { settingsButton } from './settings/settings-view.ts';
import { installButton } from './install/install-button.ts';
import { Toasts } from './ui/toast.ts';
import { reserveBottomSpace } from './ui/bottom-dock.ts';
import { openShortcutsOnQuestionMark, shortcutsButton } from './ui/shortcuts.ts';
import { h } from './ui/dom.ts';
import { formatDate, plural } from './ui/format.ts';

const app = document.querySelector<HTMLDivElement>('#app')!;
const db = await ResultsDb.open();
// The core's own thresholds at the slider's middle, so the app shows the verdicts the analysis
// (and the published evaluation) gives.
const store = new PhotoStore(verdictThresholds());
const scan = new ScanController(store, db, analysisPool);
const cleanUp = new CleanUp(store, db);
const trash = new Trash(store, db, () => void scan.rememberCollection());
const toasts = new Toasts();
trackBursts(store);
/** The folder opened last (remembered across visits), for "Reopen" and for resuming a cut-off scan. */
let rememberedFolder: FileSystemDirectoryHandle | null = null;

const liveRegion = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-testid': 'announcer' });
const announce = (message: string) => {
  liveRegion.textContent = '';
  requestAnimationFrame(() => (liveRegion.textContent = message));
};

async function clearAll(): Promise<void> {
  scan.cancel();
  store.clear();
  await db.destroy();
  await db.reopen();
  if ('caches' in window) await caches.delete(SHARE_CACHE);
  rememberedFolder = null;
  intake.offerReconnect(null, () => {});
  toasts.show('All stored data was cleared.');
}

async function addPhotos(batch: CollectResult): Promise<void> {
  if (batch.roots[0]) {
    rememberedFolder = batch.roots[0];
    void trash.look(batch.roots[0]);
    void db.setMeta('folder', batch.roots[0]).then(() => intake.offerReconnect(batch.roots[0], reconnect));
  }
  const notes: string[] = [];
  if (batch.skipped > 0) notes.push(`${plural(batch.skipped, 'file')} that ${batch.skipped === 1 ? 'is' : 'are'} not a photo skipped`);
  if (batch.photos.length === 0) {
    toasts.show(batch.skipped > 0 ? 'No photos found: only other kinds of files.' : 'No photos found there.', { tone: 'warning' });
    return;
  }
  // Ask once that stored results survive storage pressure (phones evict "best effort" data);
  // Chromium grants it quietly to installed or engaged apps and never prompts.
  void navigator.storage?.persist?.().catch(() => false);
  const { known } = await scan.add(batch.photos);
  if (known > 0) notes.push(`${plural(known, 'photo')} remembered from an earlier scan, not checked again`);
  if (notes.length) toasts.show(`${notes.join('; ')}.`);
}

async function reconnect(folder: FileSystemDirectoryHandle): Promise<void> {
  if (!(await requestRead(folder))) {
    toasts.show(`Blur Finder was not allowed to open “${folder.name}”.`, { tone: 'warning' });
    return;
  }
  const batch = await walkDirectoryHandle(folder).catch((error: Error) => {
    toasts.show(`“${folder.name}” could not be read: ${error.message}`, { tone: 'warning' });
    return null;
  });
  if (batch) await addPhotos({ ...batch, roots: [folder] });
}

/** Clears the screen for a new batch; what was learned stays remembered for re-scans. */
function startOver(): void {
  scan.cancel();
  store.clear();
  toasts.clear();
  void scan.rememberCollection();
}

const intake = intakeView(
  (batch) => void addPhotos(batch),
  (message) => toasts.show(message, { tone: 'warning' }),
);
let openViewer: (key: string) => void = () => {};
const compare = compareView(store);
const grid = gridView(store, (key) => openViewer(key), compare.open);
const viewer = viewerView({ store, pool: analysisPool, order: grid.order, onClose: (key) => grid.focus(key) });
openViewer = viewer.open;

const unchecked = uncheckedNotice(store, {
  pickAgain: () => intake.pickFiles(),
  folder: () => rememberedFolder,
  resumeFolder: (f) => void reconnect(f),
  forget: (keys) => {
    store.remove(keys);
    void scan.rememberCollection();
  },
});

// The messages end the controls column: on a desktop that keeps them beside the photos, never on them.
const panel = h(
  'div',
  { class: 'panel' },
  intake.element,
  detectorStatus(store, scan),
  // Photos a reload cut the scan off from are news, so they stay out of the fold.
  unchecked.element,
  controlsFold(
    store,
    scan,
    progressView(store, scan, announce, startOver),
    trashBar({
      trash,
      toasts,
      announce,
      readd: async (root, restored) => {
        const photos = await Promise.all(
          restored.map(async ({ handle, parent, path }) => ({
            file: await handle.getFile(),
            folder: [root.name, ...path].join('/'),
            source: { kind: 'handle' as const, handle, parent, root, path },
          })),
        );
        await addPhotos({ photos, skipped: 0, roots: [] });
      },
    }),
    toolbarView(store, {
      exportCsv: () => exportCsv(store),
      exportJson: () => exportJson(store),
      notify: (message) => {
        toasts.show(message);
        announce(message);
      },
    }),
  ),
  toasts.element,
);
const cleanUpBar = actionBar(store, cleanUp, trash, toasts, announce);
const layout = h('main', { class: 'layout empty' }, panel, h('section', { class: 'review', 'aria-label': 'Results' }, grid.element, cleanUpBar));

app.replaceChildren(
  h('a', { class: 'skip-link', href: '#results-title' }, 'Skip to results'),
  h(
    'header',
    { class: 'top' },
    h('div', { class: 'brand' }, h('img', { src: '/icons/icon-192.png', alt: '', width: 32, height: 32 }), h('h1', {}, 'Blur Finder')),
    h('p', { class: 'tagline' }, 'Find the blurry photos. Nothing leaves your device.'),
    h('div', { class: 'top-actions' }, installButton(), shortcutsButton(), settingsButton({ db, scan, clearAll })),
  ),
  layout,
  liveRegion,
);
reserveBottomSpace(cleanUpBar, toasts.element);
openShortcutsOnQuestionMark();
afterFirstPaint(() => scan.prepare());
store.subscribe(() => {
  intake.setCompact(store.photos.size > 0);
  layout.classList.toggle('empty', store.photos.size === 0);
});

registerServiceWorker(updateBanner(app));

// The last session, as it was: results and thumbnails from IndexedDB (files reattach when re-added),
// and the photos a reload or a closed tab cut the scan off from, as "not checked".
const empty = { stored: [], unchecked: [], fromFolder: new Set<string>() };
const [last, folder] = await Promise.all([db.lastCollection().catch(() => empty), db.getMeta('folder').catch(() => undefined)]);
rememberedFolder = folder ?? null;
// A trash left from last time shows at once where the folder may still be read without asking.
if (folder) void canReadNow(folder).then((ok) => (ok ? trash.look(folder) : undefined), () => {});
if (last.stored.length + last.unchecked.length > 0 && !cameFromShare()) {
  const notChecked = last.unchecked.map((k) => uncheckedPhoto(k, last.fromFolder.has(k))).filter((p): p is Photo => p !== null);
  store.put([...last.stored.map(fromStored), ...notChecked]);
  const total = last.stored.length + notChecked.length;
  const newest = last.stored.length > 0 ? Math.max(...last.stored.map((s) => s.savedAt)) : null;
  toasts.show(
    notChecked.length > 0
      ? `Your last scan stopped early: ${last.stored.length} of ${plural(total, 'photo')} checked${newest ? `, ${formatDate(newest)}` : ''}.`
      : `Your last scan: ${plural(total, 'photo')}, ${formatDate(newest)}. Add the same photos or folder again to clean them up.`,
    { tone: notChecked.length > 0 ? 'warning' : 'info' },
  );
}
unchecked.refresh();
intake.offerReconnect(folder ?? null, (f) => void reconnect(f));
if (!db.persistent) toasts.show('This browser does not let Blur Finder store anything, so results last only until the page is closed.', { tone: 'warning' });

if (cameFromShare()) {
  const shared = await takeSharedPhotos();
  forgetShareUrl();
  if (shared.files.length > 0) {
    await addPhotos(collectFiles(shared.files));
    // The parked copies go once the scan has read them (the page holds the Files in memory).
    const discardWhenRead = () => {
      if (scan.running) return;
      off();
      void shared.discard();
    };
    const off = scan.subscribe(discardWhenRead);
    discardWhenRead();
  }
}
