// One photo in the review grid. Its data-* attributes are the automation contract
// (data-testid="result", data-file-name, data-verdict, data-probability, data-blur-type).
// data-probability is the full number, not rounded: a reader re-deriving the verdict from it must
// land on the same side of a band edge as the app did.
import { h, setText } from '../ui/dom.ts';
import { icon } from '../ui/icons.ts';
import { formatPercent } from '../ui/format.ts';
import type { Photo } from '../state/photo.ts';
import type { BurstMembership } from '../state/store.ts';
import type { Shown } from '../state/view-filter.ts';
import { CAUSE_LABELS, explain } from './reason.ts';

const VERDICT_WORDS = { sharp: 'Sharp', blurry: 'Blurry', uncertain: 'Uncertain', error: 'Could not read', pending: 'Checking' } as const;

/** A card's place in a stack of a burst or similar group (see stacks.ts). */
export interface StackPlace {
  role: 'top' | 'member';
  /** Photos in the stack as the filter shows it. */
  count: number;
  /** Of those, how many are selected (members behind the top are out of sight). */
  selected: number;
}

export interface CardState {
  photo: Photo;
  shown: Shown;
  selected: boolean;
  burst: BurstMembership | undefined;
  stack: StackPlace | undefined;
}

/** The group label every member carries, so all of them always agree on the group's size. */
export function groupLabel(burst: BurstMembership): string {
  if (burst.best) return `Best of ${burst.size}`;
  return burst.kind === 'burst' ? `Burst of ${burst.size}` : `${burst.size} similar`;
}

export function createCard(photo: Photo): HTMLLIElement {
  const li = h('li', { role: 'option', class: 'card', 'data-testid': 'result', 'data-key': photo.key, tabindex: -1 });
  li.append(
    h('div', { class: 'thumb' }, h('span', { class: 'check', 'aria-hidden': 'true', 'data-testid': 'select-toggle' }, icon('check'))),
    h(
      'div',
      { class: 'card-text' },
      h('span', { class: 'name' }),
      h('span', { class: 'line' }, h('span', { class: 'badge' }), h('span', { class: 'type' })),
      h('span', { class: 'reason' }),
    ),
  );
  return li;
}

function signature(s: CardState): string {
  const { burst, stack } = s;
  return [
    s.shown.verdict, s.shown.cause, s.shown.subject, s.shown.eyesClosed, s.selected, burst?.id, burst?.kind, burst?.size, burst?.best,
    stack?.role, stack?.count, stack?.selected, s.photo.location, Boolean(s.photo.thumbnail), s.photo.outcome.kind,
  ].join('|');
}

export function updateCard(li: HTMLLIElement, state: CardState, thumbnailUrl: (photo: Photo) => string | null): void {
  const sig = signature(state);
  if (li.dataset.signature === sig) return;
  li.dataset.signature = sig;
  const { photo, shown, selected, burst, stack } = state;
  li.dataset.fileName = photo.name;
  li.dataset.verdict = shown.verdict;
  li.dataset.location = photo.location;
  if (photo.outcome.kind === 'done') li.dataset.probability = String(photo.outcome.analysis.probability);
  else delete li.dataset.probability;
  if (shown.verdict === 'blurry' && shown.cause) li.dataset.cause = shown.cause;
  else delete li.dataset.cause;
  // What the faces decided, and closed eyes: part of the automation contract.
  if (shown.subject) li.dataset.subject = shown.subject;
  else delete li.dataset.subject;
  if (shown.eyesClosed) li.dataset.eyesClosed = 'true';
  else delete li.dataset.eyesClosed;
  if (burst) {
    Object.assign(li.dataset, { burst: burst.id, burstBest: String(burst.best), burstSize: String(burst.size), groupKind: burst.kind });
  } else {
    for (const name of ['burst', 'burstBest', 'burstSize', 'groupKind']) delete li.dataset[name];
  }
  if (stack) Object.assign(li.dataset, { stack: stack.role, stackCount: String(stack.count) });
  else for (const name of ['stack', 'stackCount']) delete li.dataset[name];
  li.hidden = stack?.role === 'member';
  if (stack?.role === 'top') li.setAttribute('aria-keyshortcuts', 'C');
  else li.removeAttribute('aria-keyshortcuts');
  li.setAttribute('aria-selected', String(selected));
  li.className = `card verdict-${shown.verdict}${selected ? ' selected' : ''}${photo.location !== 'original' ? ' moved' : ''}${stack?.role === 'top' ? ' stack-top' : ''}`;

  const thumb = li.querySelector<HTMLElement>('.thumb')!;
  const url = thumbnailUrl(photo);
  let img = thumb.querySelector('img');
  if (url && !img) {
    img = h('img', { alt: '', loading: 'lazy', decoding: 'async', draggable: 'false' });
    thumb.prepend(img);
  }
  if (img && url && img.src !== url) img.src = url;
  thumb.querySelectorAll('.tag, .stack-open').forEach((t) => t.remove());
  if (burst) thumb.append(h('span', { class: `tag burst${burst.best ? ' best' : ''}`, 'data-testid': 'group-tag' }, groupLabel(burst)));
  if (stack?.role === 'top') {
    // Not a button: an option may hold no interactive content. Keyboard: C on the card (grid-view).
    // Compact so it stays clear of the tick corner on a phone; a selected shot behind the top turns it amber.
    const title = `Compare the ${stack.count} shots side by side${stack.selected ? ` (${stack.selected} selected)` : ''}`;
    const open = h(
      'span',
      { class: `stack-open${stack.selected ? ' has-selected' : ''}`, 'data-testid': 'stack-open', 'data-selected': stack.selected, 'aria-hidden': 'true', title },
      icon('stack'),
      String(stack.count),
    );
    thumb.append(open);
  }
  if (photo.location === 'blurry-folder') thumb.append(h('span', { class: 'tag moved-tag' }, 'In “Blurry”'));

  setText(li.querySelector('.name')!, photo.name);
  const badge = li.querySelector<HTMLElement>('.badge')!;
  badge.className = `badge ${shown.verdict}`;
  const probability = photo.outcome.kind === 'done' ? photo.outcome.analysis.probability : null;
  setText(badge, probability != null && shown.verdict !== 'sharp' ? `${VERDICT_WORDS[shown.verdict]} ${formatPercent(probability)}` : VERDICT_WORDS[shown.verdict]);
  setText(li.querySelector('.type')!, shown.cause ? CAUSE_LABELS[shown.cause] : '');
  const reason =
    photo.outcome.kind === 'done' ? explain(photo.outcome.analysis, shown.verdict as 'sharp' | 'blurry' | 'uncertain') : photo.outcome.kind === 'error' ? photo.outcome.message : '';
  setText(li.querySelector('.reason')!, reason);
  li.title = reason;

  const label = [
    photo.name,
    probability != null ? `${VERDICT_WORDS[shown.verdict].toLowerCase()}, ${formatPercent(probability)} blur` : VERDICT_WORDS[shown.verdict].toLowerCase(),
    shown.cause ? CAUSE_LABELS[shown.cause] : null,
    shown.subject === 'focus-missed' ? 'focus missed the subject' : null,
    shown.eyesClosed ? 'eyes closed' : null,
    burst ? `${burst.best ? 'best' : 'one'} of ${burst.size} ${burst.kind === 'burst' ? 'shots in a burst' : 'similar shots'}` : null,
    stack?.role === 'top' ? `stack of ${stack.count}${stack.selected ? `, ${stack.selected} selected` : ''}, press C to compare them` : null,
    photo.location === 'blurry-folder' ? 'moved to the Blurry folder' : null,
    photo.outcome.kind === 'error' ? photo.outcome.message : null,
  ].filter(Boolean);
  li.setAttribute('aria-label', label.join(', '));
}
