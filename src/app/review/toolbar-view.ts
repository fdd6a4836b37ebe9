// Filters, sort, the sensitivity slider and the bulk selections above the grid.
import { BLUR_CAUSES, type BlurCause } from '../../core/types.ts';
import { h, setText, frameThrottle } from '../ui/dom.ts';
import type { PhotoStore } from '../state/store.ts';
import { SENSITIVITY_MAX, SENSITIVITY_MIN } from '../state/sensitivity.ts';
import { CAUSE_LABELS } from './reason.ts';
import type { PeopleFilter, SortOrder, VerdictFilter } from '../state/view-filter.ts';
import { groupedKeys } from '../bursts/burst-tracker.ts';
import { plural } from '../ui/format.ts';

export interface ToolbarHandlers {
  exportCsv(): void;
  exportJson(): void;
  /** Tells the person that a bulk selection left best shots out (a toast and the live region). */
  notify(message: string): void;
}

const FILTERS: Array<{ value: VerdictFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'blurry', label: 'Blurry' },
  { value: 'uncertain', label: 'Uncertain' },
  { value: 'sharp', label: 'Sharp' },
  { value: 'error', label: 'Errors' },
];

/** Words for the slider's value, so it reads as more than a number. */
function describeSensitivity(sensitivity: number): string {
  if (sensitivity <= 15) return 'only hopeless photos';
  if (sensitivity <= 40) return 'clearly blurry photos';
  if (sensitivity < 60) return 'balanced';
  if (sensitivity < 85) return 'slightly soft photos too';
  return 'anything not crisp';
}

export function toolbarView(store: PhotoStore, handlers: ToolbarHandlers): HTMLElement {
  const chips = h('fieldset', { class: 'chips', 'data-testid': 'verdict-filter' }, h('legend', { class: 'visually-hidden' }, 'Show'));
  const counters = new Map<VerdictFilter, HTMLElement>();
  for (const f of FILTERS) {
    const input = h('input', { type: 'radio', name: 'verdict-filter', value: f.value, checked: f.value === store.filter.verdict, class: 'visually-hidden' });
    input.addEventListener('change', () => store.setFilter({ verdict: f.value }));
    const count = h('span', { class: 'count' });
    counters.set(f.value, count);
    chips.append(h('label', { class: `chip chip-${f.value}`, 'data-filter': f.value }, input, h('span', {}, f.label), count));
  }

  const typeSelect = h('select', { id: 'type-filter', 'data-testid': 'type-filter', 'aria-label': 'Cause of blur' }, h('option', { value: 'any' }, 'Any cause'));
  for (const c of BLUR_CAUSES) typeSelect.append(h('option', { value: c }, CAUSE_LABELS[c]));
  typeSelect.addEventListener('change', () => store.setFilter({ cause: typeSelect.value as BlurCause | 'any' }));

  // Faces: the photos where focus missed the person, and those where the person's eyes are closed.
  const peopleSelect = h(
    'select',
    { id: 'people-filter', 'data-testid': 'people-filter' },
    h('option', { value: 'any' }, 'Any photo'),
    h('option', { value: 'focus-missed' }, 'Focus missed the subject'),
    h('option', { value: 'eyes-closed' }, 'Eyes closed'),
  );
  peopleSelect.addEventListener('change', () => store.setFilter({ people: peopleSelect.value as PeopleFilter }));

  const sortSelect = h(
    'select',
    { id: 'sort-order', 'data-testid': 'sort-order' },
    h('option', { value: 'blurriest' }, 'Blurriest first'),
    h('option', { value: 'sharpest' }, 'Sharpest first'),
    h('option', { value: 'date' }, 'Date taken'),
    h('option', { value: 'name' }, 'Name'),
  );
  sortSelect.addEventListener('change', () => store.setSort(sortSelect.value as SortOrder));

  const slider = h('input', {
    type: 'range', id: 'sensitivity', min: SENSITIVITY_MIN, max: SENSITIVITY_MAX, step: 1, value: store.sensitivity,
    'data-testid': 'sensitivity', 'aria-describedby': 'sensitivity-words',
  });
  const words = h('output', { id: 'sensitivity-words', for: 'sensitivity', class: 'sensitivity-words' });
  const showBands = () => {
    // The bands in force, for people reading the export and for automation checking the wiring.
    slider.dataset.blurryFrom = String(store.currentBands.blurryFrom);
    slider.dataset.uncertainFrom = String(store.currentBands.uncertainFrom);
  };
  slider.addEventListener('input', () => {
    store.setSensitivity(Number(slider.value));
    showBands();
  });

  const selectBlurry = h('button', { type: 'button', class: 'button', 'data-testid': 'select-blurry' }, 'Select all blurry');
  const bulk = (what: string, keys: string[]) => {
    const { selected, spared } = store.selectInBulk(keys);
    // The action bar shows the count; only a spared best shot needs words of its own.
    if (spared > 0) handlers.notify(`Selected ${plural(selected, what)}. The best shot of ${plural(spared, 'burst or similar group', 'bursts or similar groups')} stays unselected; tick it by hand to include it.`);
  };
  selectBlurry.addEventListener('click', () => {
    const blurry = [...store.photos.values()].filter((p) => store.shown(p).verdict === 'blurry' && p.location === 'original').map((p) => p.key);
    bulk('blurry photo', blurry);
  });
  const keepBest = h('button', { type: 'button', class: 'button', 'data-testid': 'keep-best', hidden: true }, 'Keep the best of each group, select the rest');
  keepBest.addEventListener('click', () => bulk('photo', groupedKeys(store)));
  const bulkNote = h('p', { class: 'bulk-note', 'data-testid': 'bulk-note', hidden: true }, 'Bulk selections always keep the best shot of each burst or similar group.');
  const exportCsv = h('button', { type: 'button', class: 'button ghost', 'data-testid': 'export-csv' }, 'Export results (CSV)');
  exportCsv.addEventListener('click', handlers.exportCsv);
  const exportJson = h('button', { type: 'button', class: 'button ghost', 'data-testid': 'export-json' }, 'Export results (JSON)');
  exportJson.addEventListener('click', handlers.exportJson);

  // Secondary controls fold away on a phone so the photos start high on the screen; open on a desktop.
  const more = h(
    'details',
    { class: 'more', 'data-testid': 'more-controls', open: matchMedia('(min-width: 960px)').matches },
    h('summary', {}, 'Kind, order and export'),
    h(
      'div',
      { class: 'toolbar-row' },
      h('label', { class: 'field', for: 'type-filter' }, h('span', {}, 'Cause of blur'), typeSelect),
      h('label', { class: 'field', for: 'people-filter' }, h('span', {}, 'People'), peopleSelect),
      h('label', { class: 'field', for: 'sort-order' }, h('span', {}, 'Order'), sortSelect),
    ),
    h('div', { class: 'exports' }, exportCsv, exportJson),
  );

  const element = h(
    'div',
    { class: 'toolbar', role: 'region', 'aria-label': 'Filters and selection', hidden: true },
    chips,
    h('div', { class: 'sensitivity' }, h('label', { for: 'sensitivity' }, 'Sensitivity'), words, slider),
    h('div', { class: 'bulk' }, selectBlurry, keepBest, bulkNote),
    more,
  );

  const render = () => {
    const c = store.counts();
    element.hidden = c.done === 0;
    const n: Record<VerdictFilter, number> = { all: c.done, blurry: c.blurry, uncertain: c.uncertain, sharp: c.sharp, error: c.error };
    for (const [f, el] of counters) setText(el, String(n[f]));
    chips.querySelector<HTMLElement>('[data-filter=error]')!.hidden = c.error === 0 && store.filter.verdict !== 'error';
    setText(words, describeSensitivity(store.sensitivity));
    showBands();
    slider.setAttribute('aria-valuetext', `${store.sensitivity}: ${describeSensitivity(store.sensitivity)}`);
    selectBlurry.disabled = c.blurry === 0;
    const groups = new Set([...store.bursts.values()].map((m) => m.id)).size;
    keepBest.hidden = groups === 0;
    bulkNote.hidden = groups === 0;
    setText(keepBest, `Keep the best of ${groups === 1 ? 'the group' : `${groups} groups`}, select the rest`);
    for (const cause of BLUR_CAUSES) {
      const option = typeSelect.querySelector<HTMLOptionElement>(`option[value=${cause}]`)!;
      setText(option, `${CAUSE_LABELS[cause]} (${c[cause]})`);
    }
    setText(peopleSelect.querySelector('option[value=focus-missed]')!, `Focus missed the subject (${c.focusMissed})`);
    setText(peopleSelect.querySelector('option[value=eyes-closed]')!, `Eyes closed (${c.eyesClosed})`);
  };
  store.subscribe(frameThrottle(render));
  render();
  return element;
}
