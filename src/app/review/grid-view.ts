// The review grid: photos with a result, filtered and sorted (blurriest first by default),
// as an ARIA multi-select listbox with a roving tab stop. Arrows move, Space selects,
// Delete marks for clean-up and moves on, Enter opens the viewer, C compares a stack's shots.
// A burst or similar group is one stack (stacks.ts): its best shot shows, the other members'
// cards follow it hidden, so every photo keeps its card (and its automation hooks).
import { h, frameThrottle, setText } from '../ui/dom.ts';
import { plural } from '../ui/format.ts';
import type { Photo } from '../state/photo.ts';
import type { PhotoStore } from '../state/store.ts';
import { photoTime } from '../state/photo.ts';
import { createCard, updateCard } from './card.ts';
import { columnsOf, nextIndex } from './grid-nav.ts';
import { stackPhotos } from './stacks.ts';
import './review.css';

export interface GridView {
  element: HTMLElement;
  /** Moves keyboard focus to a photo's card (after the viewer closes, for example). */
  focus(key: string): void;
  /** The keys on screen, in order (the viewer steps through these). */
  order(): string[];
}

type ModifierMoveFn = (key: string) => void;

export function gridView(store: PhotoStore, openViewer: ModifierMoveFn, openCompare: (keys: string[]) => void): GridView {
  const list = h('ul', { class: 'grid', role: 'listbox', 'aria-multiselectable': 'true', 'aria-labelledby': 'results-title', 'data-testid': 'results' });
  const empty = h('p', { class: 'grid-empty', hidden: true, 'data-testid': 'grid-empty' });
  const title = h('h2', { id: 'results-title', class: 'results-title' }, 'Results');
  const element = h('div', { class: 'grid-wrap' }, title, list, empty);

  const cards = new Map<string, HTMLLIElement>();
  const thumbUrls = new Map<string, { blob: Blob; url: string }>();
  let activeKey: string | null = null;
  let shownKeys: string[] = [];
  /** Top card key -> the stack's keys, top first. */
  let stackOf = new Map<string, string[]>();

  const thumbnailUrl = (photo: Photo): string | null => {
    if (!photo.thumbnail) return null;
    const known = thumbUrls.get(photo.key);
    if (known?.blob === photo.thumbnail) return known.url;
    if (known) URL.revokeObjectURL(known.url);
    const url = URL.createObjectURL(photo.thumbnail);
    thumbUrls.set(photo.key, { blob: photo.thumbnail, url });
    return url;
  };

  const setActive = (key: string | null, focus = false) => {
    if (activeKey && activeKey !== key) cards.get(activeKey)?.setAttribute('tabindex', '-1');
    activeKey = key;
    const card = key ? cards.get(key) : undefined;
    if (!card) return;
    card.setAttribute('tabindex', '0');
    if (focus) {
      card.focus();
      card.scrollIntoView({ block: 'nearest' });
    }
  };

  const render = () => {
    const visible = store.visible().filter((p) => p.outcome.kind !== 'pending');
    const keep = new Set(visible.map((p) => p.key));
    for (const [key, card] of cards) {
      if (keep.has(key)) continue;
      card.remove();
      cards.delete(key);
      if (!store.photos.has(key)) {
        const thumb = thumbUrls.get(key);
        if (thumb) URL.revokeObjectURL(thumb.url);
        thumbUrls.delete(key);
      }
    }
    const hadFocus = list.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
    const byKey = new Map(visible.map((p) => [p.key, p]));
    const stacks = stackPhotos(
      visible.map((p) => ({ key: p.key, time: photoTime(p), probability: p.outcome.kind === 'done' ? p.outcome.analysis.probability : null, group: store.bursts.get(p.key) })),
    );
    stackOf = new Map(stacks.filter((st) => st.rest.length > 0).map((st) => [st.top, [st.top, ...st.rest]]));
    let index = 0;
    for (const stack of stacks) {
      const keys = [stack.top, ...stack.rest];
      const selectedInStack = keys.filter((k) => store.selection.has(k)).length;
      for (const [i, key] of keys.entries()) {
        const photo = byKey.get(key)!;
        let card = cards.get(key);
        if (!card) {
          card = createCard(photo);
          cards.set(key, card);
        }
        const stack = keys.length > 1 ? { role: i === 0 ? ('top' as const) : ('member' as const), count: keys.length, selected: selectedInStack } : undefined;
        updateCard(card, { photo, shown: store.shown(photo), selected: store.selection.has(key), burst: store.bursts.get(key), stack }, thumbnailUrl);
        const at = list.children[index];
        // Move only what is out of place; moveBefore keeps focus on a moved card where the browser has it.
        if (at !== card) {
          const movable = list as HTMLUListElement & { moveBefore?(node: Node, child: Node | null): void };
          if (movable.moveBefore && card.isConnected) movable.moveBefore(card, at ?? null);
          else list.insertBefore(card, at ?? null);
        }
        index++;
      }
    }
    if (hadFocus && hadFocus.isConnected && document.activeElement !== hadFocus) hadFocus.focus({ preventScroll: true });
    shownKeys = stacks.map((st) => st.top);
    if (!activeKey || !cards.has(activeKey)) setActive(shownKeys[0] ?? null);
    else if (!shownKeys.includes(activeKey)) {
      // The active card went behind a stack's top (its group formed): the tab stop and focus go to the top.
      const top = stacks.find((st) => st.rest.includes(activeKey!))?.top ?? shownKeys[0] ?? null;
      setActive(top, hadFocus === cards.get(activeKey));
    } else cards.get(activeKey)!.setAttribute('tabindex', '0');

    const counts = store.counts();
    const done = counts.total - counts.pending;
    list.hidden = visible.length === 0;
    empty.hidden = visible.length > 0 || done === 0;
    setText(empty, 'No photos match this filter. Choose “All” to see every photo.');
    title.hidden = done === 0;
    const order = { blurriest: 'blurriest first', sharpest: 'sharpest first', date: 'oldest first', name: 'by name' }[store.sort];
    setText(title, `${plural(visible.length, 'photo')}, ${order}`);
  };
  const scheduleRender = frameThrottle(render);
  store.subscribe(scheduleRender);

  const cardOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLLIElement>('li.card') : null);

  list.addEventListener('click', (event) => {
    const card = cardOf(event.target);
    if (!card?.dataset.key) return;
    const key = card.dataset.key;
    setActive(key, true);
    // The tick corner selects; the stack corner compares; anywhere else opens the photo. Shift/Ctrl-click selects too, as in file managers.
    const stack = stackOf.get(key);
    if (stack && (event.target as Element).closest('.stack-open')) openCompare(stack);
    else if ((event.target as Element).closest('.check') || event.shiftKey || event.ctrlKey || event.metaKey) store.toggle(key);
    else openViewer(key);
  });
  list.addEventListener('focusin', (event) => {
    const card = cardOf(event.target);
    if (card?.dataset.key && card.dataset.key !== activeKey) setActive(card.dataset.key);
  });
  list.addEventListener('keydown', (event) => {
    const card = cardOf(event.target);
    if (!card?.dataset.key) return;
    const key = card.dataset.key;
    const index = shownKeys.indexOf(key);
    const ordered = shownKeys.map((k) => cards.get(k)!);
    const move = nextIndex(event.key, index, shownKeys.length, columnsOf(ordered));
    if (move !== null) {
      event.preventDefault();
      setActive(shownKeys[move], true);
      return;
    }
    if (event.key === ' ' || event.key === 'Spacebar') {
      event.preventDefault();
      store.toggle(key);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      store.select([key], true);
      const next = shownKeys[Math.min(shownKeys.length - 1, index + 1)];
      if (next) setActive(next, true);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      openViewer(key);
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      // Every photo the filter shows, stacked ones too; a bulk selection keeps each group's best.
      store.selectInBulk(shownKeys.flatMap((k) => stackOf.get(k) ?? [k]));
    } else if (event.key.toLowerCase() === 'c' && !event.ctrlKey && !event.metaKey && !event.altKey && stackOf.has(key)) {
      event.preventDefault();
      openCompare(stackOf.get(key)!);
    }
  });

  render();
  return {
    element,
    focus(key) {
      render();
      setActive(key, true);
    },
    order: () => shownKeys,
  };
}
