// A stack opened: the shots of one burst or similar group side by side, all at the same zoom
// and showing the same part of the frame, so the person sees which one is sharp where it
// matters. Each shot can be ticked for clean-up here by hand, the best one too.
import { h, setText } from '../ui/dom.ts';
import { icon } from '../ui/icons.ts';
import { formatPercent } from '../ui/format.ts';
import { readPhoto, type Photo } from '../state/photo.ts';
import type { PhotoStore } from '../state/store.ts';
import './compare.css';

export type CompareZoom = 'fit' | '1' | '2';
const ZOOMS: Array<{ zoom: CompareZoom; label: string }> = [
  { zoom: 'fit', label: 'Fit' },
  { zoom: '1', label: '100%' },
  { zoom: '2', label: '200%' },
];
const VERDICT_WORDS = { sharp: 'Sharp', blurry: 'Blurry', uncertain: 'Uncertain', error: 'Could not read', pending: 'Checking' } as const;

interface Panel {
  key: string;
  stage: HTMLElement;
  img: HTMLImageElement;
  select: HTMLInputElement;
  url: string | null;
}

export function compareView(store: PhotoStore): { open(keys: string[]): void } {
  const title = h('h2', { id: 'compare-title', class: 'compare-title' });
  const zoomButtons = ZOOMS.map(({ zoom, label }) => h('button', { type: 'button', class: 'button toggle small', 'aria-pressed': 'false', 'data-zoom': zoom, 'data-testid': 'compare-zoom' }, label));
  const close = h('button', { type: 'button', class: 'button ghost icon-only', 'aria-label': 'Close comparison', 'data-testid': 'compare-close' }, icon('close'));
  const note = h('p', { class: 'compare-note', hidden: true });
  const panelsEl = h('div', { class: 'compare-panels' });
  const dialog = h(
    'dialog',
    { class: 'compare', 'aria-labelledby': 'compare-title', 'data-testid': 'compare-dialog' },
    h('header', { class: 'compare-head' }, title, h('div', { class: 'compare-zooms', role: 'group', 'aria-label': 'Zoom, the same for every shot' }, ...zoomButtons), close),
    note,
    panelsEl,
  );
  document.body.append(dialog);

  let panels: Panel[] = [];
  let zoom: CompareZoom = 'fit';
  /** Where the panels look, as shares of their scrollable range; panels echo each other's scrolls, so a repeat is ignored. */
  let spot = { x: 0.5, y: 0.5 };

  /** Puts every other panel on the same spot of the frame as `from`. */
  const follow = (from: HTMLElement) => {
    const x = from.scrollWidth > from.clientWidth ? from.scrollLeft / (from.scrollWidth - from.clientWidth) : spot.x;
    const y = from.scrollHeight > from.clientHeight ? from.scrollTop / (from.scrollHeight - from.clientHeight) : spot.y;
    if (Math.abs(x - spot.x) < 0.002 && Math.abs(y - spot.y) < 0.002) return;
    scrollAll(x, y, from);
  };
  const scrollAll = (x: number, y: number, except?: HTMLElement) => {
    spot = { x, y };
    for (const { stage } of panels) {
      if (stage === except) continue;
      stage.scrollLeft = x * (stage.scrollWidth - stage.clientWidth);
      stage.scrollTop = y * (stage.scrollHeight - stage.clientHeight);
    }
  };

  const setZoom = (next: CompareZoom, at = { x: 0.5, y: 0.5 }) => {
    zoom = next;
    dialog.dataset.zoom = next;
    for (const b of zoomButtons) b.setAttribute('aria-pressed', String(b.dataset.zoom === next));
    for (const { img } of panels) sizeImage(img);
    if (next !== 'fit') scrollAll(at.x, at.y);
  };
  /** One photo pixel per CSS pixel at 100%, as the viewer shows it; the same scale on every shot. */
  const sizeImage = (img: HTMLImageElement) => {
    const scale = zoom === 'fit' ? null : Number(zoom);
    img.style.width = scale && img.naturalWidth ? `${img.naturalWidth * scale}px` : '';
    img.style.height = scale && img.naturalHeight ? `${img.naturalHeight * scale}px` : '';
  };
  zoomButtons.forEach((b) => b.addEventListener('click', () => setZoom(b.dataset.zoom as CompareZoom)));

  const renderPanels = () => {
    for (const panel of panels) {
      const photo = store.photos.get(panel.key);
      if (photo) panel.select.checked = store.selection.has(photo.key);
    }
  };
  store.subscribe((kind) => {
    if (dialog.open && (kind === 'selection' || kind === 'bursts')) renderPanels();
  });

  const panelFor = (photo: Photo): Panel => {
    const img = h('img', { class: 'compare-photo', alt: `${photo.name}`, draggable: 'false', 'data-testid': 'compare-photo' });
    const stage = h('div', { class: 'compare-stage', tabindex: 0, role: 'region', 'aria-label': `${photo.name}, scroll to pan` }, img);
    const shown = store.shown(photo);
    const probability = photo.outcome.kind === 'done' ? photo.outcome.analysis.probability : null;
    const burst = store.bursts.get(photo.key);
    const select = h('input', { type: 'checkbox', 'data-testid': 'compare-select' });
    select.checked = store.selection.has(photo.key);
    // By hand: the best shot can be ticked here, unlike in a bulk selection.
    select.addEventListener('change', () => store.select([photo.key], select.checked));
    const figure = h(
      'figure',
      { class: `compare-panel${burst?.best ? ' best' : ''}`, 'data-testid': 'compare-panel', 'data-file-name': photo.name, 'data-verdict': shown.verdict },
      stage,
      h(
        'figcaption',
        {},
        h('span', { class: 'compare-name', title: photo.name }, photo.name),
        h('span', { class: 'compare-line' }, h('span', { class: `badge ${shown.verdict}` }, probability != null ? `${VERDICT_WORDS[shown.verdict]} ${formatPercent(probability)}` : VERDICT_WORDS[shown.verdict]), burst?.best ? h('span', { class: 'tag-inline best' }, 'Best') : null),
        h('label', { class: 'compare-check' }, select, photo.location === 'original' ? 'Select for clean-up' : 'Moved already'),
      ),
    );
    select.disabled = photo.location !== 'original';
    stage.addEventListener('scroll', () => follow(stage), { passive: true });
    // A click on a fitted shot zooms every shot to 100% on that spot.
    img.addEventListener('click', (event) => {
      if (zoom !== 'fit') return;
      const box = img.getBoundingClientRect();
      setZoom('1', { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height });
    });
    // A shot that loads late joins at the zoom and spot the others show.
    img.addEventListener('load', () => {
      sizeImage(img);
      stage.scrollLeft = spot.x * (stage.scrollWidth - stage.clientWidth);
      stage.scrollTop = spot.y * (stage.scrollHeight - stage.clientHeight);
    });
    panelsEl.append(figure);
    return { key: photo.key, stage, img, select, url: null };
  };

  const release = () => {
    for (const p of panels) if (p.url) URL.revokeObjectURL(p.url);
    panels = [];
    panelsEl.replaceChildren();
  };
  dialog.addEventListener('close', release);
  close.addEventListener('click', () => dialog.close());

  return {
    open(keys) {
      release();
      const photos = keys.map((k) => store.photos.get(k)).filter((p): p is Photo => p !== undefined);
      if (photos.length === 0) return;
      const burst = store.bursts.get(photos[0].key);
      const group = burst ? (burst.kind === 'burst' ? `Burst of ${burst.size}` : `${burst.size} similar shots`) : `${photos.length} shots`;
      setText(title, burst && photos.length < burst.size ? `${group}, ${photos.length} shown` : group);
      panelsEl.style.setProperty('--compare-columns', String(Math.min(photos.length, 4)));
      dialog.dataset.count = String(photos.length);
      let thumbnailsOnly = 0;
      panels = photos.map((photo) => {
        const panel = panelFor(photo);
        const fallback = () => {
          if (!photo.thumbnail) return;
          if (panel.url) URL.revokeObjectURL(panel.url);
          panel.url = URL.createObjectURL(photo.thumbnail);
          panel.img.src = panel.url;
        };
        if (photo.source) {
          // Full size where the file is at hand; a format the browser cannot show falls back to the thumbnail.
          void readPhoto(photo.source).then((file) => {
            panel.url = URL.createObjectURL(file);
            panel.img.addEventListener('error', fallback, { once: true });
            panel.img.src = panel.url;
          }, fallback);
        } else {
          thumbnailsOnly++;
          fallback();
        }
        return panel;
      });
      note.hidden = thumbnailsOnly === 0;
      setText(note, 'Remembered from an earlier visit: these are thumbnails. Add the photos again to compare them at full size.');
      spot = { x: 0.5, y: 0.5 };
      setZoom('fit');
      dialog.showModal();
    },
  };
}
