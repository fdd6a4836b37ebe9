// On a phone the scan summary and the filters fill the first screen. Once a scan is over (or a
// remembered one is shown) they fold into one line with the counts, so the first row of photos
// is on the first screen; a tap unfolds them. A new scan unfolds them to show its progress.
// On a desktop the panel has room: the line is hidden and nothing folds (CSS).
import { h, setText } from '../ui/dom.ts';
import type { PhotoStore } from '../state/store.ts';
import type { ScanController } from '../scan/scan-controller.ts';

const ACTIVE = new Set(['preparing', 'scanning', 'pausing', 'paused']);

export function controlsFold(store: PhotoStore, scan: ScanController, ...content: HTMLElement[]): HTMLElement {
  const counts = h('span', { class: 'fold-counts' });
  const toggle = h(
    'button',
    { type: 'button', class: 'fold-toggle', 'aria-expanded': 'true', 'aria-controls': 'review-controls', 'data-testid': 'controls-fold' },
    counts,
    h('span', { class: 'fold-action' }, 'Filters and tools'),
  );
  const body = h('div', { class: 'fold-body', id: 'review-controls' }, ...content);
  const element = h('div', { class: 'fold open', hidden: true }, toggle, body);

  const setOpen = (open: boolean) => {
    element.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
    if (!open && body.contains(document.activeElement)) toggle.focus();
  };
  toggle.addEventListener('click', () => setOpen(!element.classList.contains('open')));

  // Folds on the way from "scanning" (or from nothing on screen) to "results on screen" only, so
  // a person who unfolded it keeps it open while they work.
  let wasShowingResults = false;
  const render = () => {
    const c = store.counts();
    const active = ACTIVE.has(scan.progress.state);
    element.hidden = c.total === 0;
    // Short enough for one or two lines on a 360 px phone: counts of zero are left out.
    const tally = [c.blurry && `${c.blurry} blurry`, c.uncertain && `${c.uncertain} uncertain`, c.sharp && `${c.sharp} sharp`].filter(Boolean);
    setText(counts, `${c.done} of ${c.total} checked${tally.length ? `: ${tally.join(', ')}` : ''}`);
    const showingResults = !active && c.done > 0;
    if (showingResults && !wasShowingResults) setOpen(false);
    if (active && wasShowingResults) setOpen(true);
    wasShowingResults = showingResults;
  };
  store.subscribe(render);
  scan.subscribe(render);
  render();
  return element;
}
