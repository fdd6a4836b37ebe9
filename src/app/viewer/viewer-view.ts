// The photo viewer: the photo fitted or at 100% (one photo pixel per CSS pixel, to judge
// sharpness for yourself), with the region map and the blur-aware edge map as overlays
// (overlay-panel.ts), the one-line reason, and the numbers behind it (viewer-facts.ts).
import type { AnalysisPool } from '../../bridge/pool.ts';
import { h, setText } from '../ui/dom.ts';
import { icon } from '../ui/icons.ts';
import { formatPercent } from '../ui/format.ts';
import { readPhoto, type Photo } from '../state/photo.ts';
import type { PhotoStore } from '../state/store.ts';
import { explain } from '../review/reason.ts';
import { overlayPanel } from './overlay-panel.ts';
import { factRows } from './viewer-facts.ts';
import { createFaceOutline, showFaceOutline } from './face-outline.ts';
import { flip, isPressed, toggleButton } from './toggle.ts';
import { decisiveRegion } from './focus-region.ts';
import { centreOn, dragToPan } from './pan.ts';
import './viewer.css';

export interface Viewer {
  open(key: string): void;
}

interface ViewerDeps {
  store: PhotoStore;
  pool(): AnalysisPool;
  order(): string[];
  onClose(key: string): void;
}

const VERDICT_WORDS = { sharp: 'Sharp', blurry: 'Blurry', uncertain: 'Uncertain', error: 'Could not be read', pending: 'Not checked yet' } as const;

export function viewerView({ store, pool, order, onClose }: ViewerDeps): Viewer {
  const title = h('h2', { id: 'viewer-title', class: 'viewer-title' });
  const position = h('span', { class: 'viewer-position' });
  const close = h('button', { type: 'button', class: 'button ghost icon-only', 'aria-label': 'Close viewer', 'data-testid': 'viewer-close' }, icon('close'));
  const prev = h('button', { type: 'button', class: 'button ghost icon-only', 'aria-label': 'Previous photo', 'data-testid': 'viewer-prev' }, icon('left'));
  const next = h('button', { type: 'button', class: 'button ghost icon-only', 'aria-label': 'Next photo', 'data-testid': 'viewer-next' }, icon('right'));

  let current: Photo | null = null;
  const overlays = overlayPanel(pool, () => current);
  const img = h('img', { class: 'viewer-photo', alt: '', 'data-testid': 'viewer-photo', draggable: 'false' });
  const faceOutline = createFaceOutline();
  const frame = h('div', { class: 'viewer-frame' }, img, overlays.regionLayer, overlays.edgeCanvas, faceOutline);
  const stage = h('div', { class: 'viewer-stage fit', tabindex: 0, 'aria-label': 'Photo (drag or scroll to pan at 100%)', role: 'region' }, frame);

  const zoom = toggleButton('100%', 'viewer-zoom');
  const select = toggleButton('Select for clean-up', 'viewer-select');

  const verdict = h('p', { class: 'viewer-verdict' });
  const reason = h('p', { class: 'viewer-reason', 'data-testid': 'viewer-reason' });
  const facts = h('dl', { class: 'viewer-facts', 'data-testid': 'viewer-facts' });
  const note = h('p', { class: 'viewer-note', hidden: true });

  const dialog = h(
    'dialog',
    { class: 'viewer', 'aria-labelledby': 'viewer-title', 'data-testid': 'viewer' },
    h('header', { class: 'viewer-head' }, prev, h('div', { class: 'viewer-heading' }, title, position), next, close),
    h(
      'div',
      { class: 'viewer-body' },
      stage,
      h(
        'aside',
        { class: 'viewer-info' },
        verdict,
        reason,
        h('div', { class: 'viewer-tools', role: 'group', 'aria-label': 'View' }, zoom, overlays.showRegions, overlays.showEdges),
        overlays.legend,
        overlays.edgeStatus,
        select,
        facts,
        note,
      ),
    ),
  );
  document.body.append(dialog);

  let photoUrl: string | null = null;

  const releaseUrl = () => {
    if (photoUrl) URL.revokeObjectURL(photoUrl);
    photoUrl = null;
  };

  const renderInfo = () => {
    if (!current) return;
    const photo = current;
    const shown = store.shown(photo);
    const keys = order();
    const index = keys.indexOf(photo.key);
    setText(title, photo.name);
    title.title = photo.name;
    setText(position, index >= 0 ? `${index + 1} of ${keys.length}` : '');
    prev.disabled = index <= 0;
    next.disabled = index < 0 || index >= keys.length - 1;
    dialog.dataset.verdict = shown.verdict;
    dialog.dataset.fileName = photo.name;
    verdict.className = `viewer-verdict badge ${shown.verdict}`;
    const probability = photo.outcome.kind === 'done' ? photo.outcome.analysis.probability : null;
    setText(verdict, probability != null ? `${VERDICT_WORDS[shown.verdict]} · ${formatPercent(probability)} likely blurry` : VERDICT_WORDS[shown.verdict]);
    setText(reason, photo.outcome.kind === 'done' ? explain(photo.outcome.analysis, shown.verdict as 'sharp') : photo.outcome.kind === 'error' ? photo.outcome.message : '');
    const selected = store.selection.has(photo.key);
    select.setAttribute('aria-pressed', String(selected));
    setText(select, selected ? 'Selected for clean-up' : 'Select for clean-up');
    select.disabled = photo.location !== 'original';

    facts.replaceChildren(...factRows(photo, shown, store.bursts.get(photo.key)));
    showFaceOutline(faceOutline, photo.outcome.kind === 'done' ? photo.outcome.analysis : null);
    overlays.enableFor(photo);
  };

  const show = async (key: string) => {
    const photo = store.photos.get(key);
    if (!photo) return;
    current = photo;
    overlays.forget();
    releaseUrl();
    renderInfo();
    void overlays.render();
    note.hidden = true;
    img.removeAttribute('src');
    // The full photo when the page holds the file; otherwise the remembered thumbnail.
    let blob: Blob | null = null;
    if (photo.source) blob = await readPhoto(photo.source).catch(() => null);
    if (current !== photo) return;
    if (!blob) {
      blob = photo.thumbnail;
      note.hidden = false;
      setText(note, 'Showing the small preview: add this photo again to see it full size.');
    }
    if (blob) {
      photoUrl = URL.createObjectURL(blob);
      img.src = photoUrl;
      img.alt = `${photo.name}`;
    }
  };

  const step = (delta: number) => {
    if (!current) return;
    const keys = order();
    const target = keys[keys.indexOf(current.key) + delta];
    if (target) void show(target);
  };

  zoom.addEventListener('click', () => {
    flip(zoom);
    const actual = isPressed(zoom);
    stage.classList.toggle('fit', !actual);
    stage.classList.toggle('actual', actual);
    // At 100% one photo pixel is one CSS pixel; it opens on the part that decided the verdict.
    if (actual && img.naturalWidth && current) {
      img.style.width = `${img.naturalWidth}px`;
      const { outcome } = current;
      const focus = outcome.kind === 'done' ? decisiveRegion(outcome.analysis.regions, store.shown(current).verdict as 'sharp') : null;
      stage.dataset.focusCell = String(focus?.cell ?? '');
      requestAnimationFrame(() => centreOn(stage, img, focus?.u ?? 0.5, focus?.v ?? 0.5));
    } else img.style.width = '';
  });
  select.addEventListener('click', () => {
    if (current) store.toggle(current.key);
  });
  prev.addEventListener('click', () => step(-1));
  next.addEventListener('click', () => step(1));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    overlays.forget();
    releaseUrl();
    img.removeAttribute('src');
    const key = current?.key;
    current = null;
    if (key) onClose(key);
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLButtonElement && (event.key === ' ' || event.key === 'Enter')) return;
    if (event.key === 'ArrowRight' && !stage.classList.contains('actual')) step(1);
    else if (event.key === 'ArrowLeft' && !stage.classList.contains('actual')) step(-1);
    else if (event.key === ' ' && current) store.toggle(current.key);
    else return;
    event.preventDefault();
  });
  // Swipe left / right on a phone steps through the photos (only when fitted; at 100% a swipe pans).
  let swipeStart: { x: number; y: number } | null = null;
  stage.addEventListener('pointerdown', (event) => {
    swipeStart = stage.classList.contains('fit') && event.isPrimary ? { x: event.clientX, y: event.clientY } : null;
  });
  stage.addEventListener('pointerup', (event) => {
    if (!swipeStart) return;
    const dx = event.clientX - swipeStart.x;
    const dy = event.clientY - swipeStart.y;
    swipeStart = null;
    if (Math.abs(dx) > 60 && Math.abs(dy) < Math.abs(dx) / 2) step(dx < 0 ? 1 : -1);
  });
  stage.addEventListener('pointercancel', () => (swipeStart = null));
  dragToPan(stage, () => stage.classList.contains('actual'));
  store.subscribe((kind) => {
    if (current && (kind === 'selection' || kind === 'view' || kind === 'bursts')) renderInfo();
  });

  return {
    open(key) {
      zoom.setAttribute('aria-pressed', 'false');
      stage.classList.add('fit');
      stage.classList.remove('actual');
      img.style.width = '';
      void show(key);
      if (!dialog.open) dialog.showModal();
      close.focus();
    },
  };
}
