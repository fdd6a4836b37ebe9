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

export interface CardState {
  photo: Photo;
  shown: Shown;
  selected: boolean;
  burst: BurstMembership | undefined;
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
  return [s.shown.verdict, s.shown.cause, s.shown.subject, s.shown.eyesClosed, s.selected, s.burst?.id, s.burst?.best, s.photo.location, Boolean(s.photo.thumbnail), s.photo.outcome.kind].join('|');
}

export function updateCard(li: HTMLLIElement, state: CardState, thumbnailUrl: (photo: Photo) => string | null): void {
  const sig = signature(state);
  if (li.dataset.signature === sig) return;
  li.dataset.signature = sig;
  const { photo, shown, selected, burst } = state;
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
    li.dataset.burst = String(burst.id);
    li.dataset.burstBest = String(burst.best);
  } else {
    delete li.dataset.burst;
    delete li.dataset.burstBest;
  }
  li.setAttribute('aria-selected', String(selected));
  li.className = `card verdict-${shown.verdict}${selected ? ' selected' : ''}${photo.location !== 'original' ? ' moved' : ''}`;

  const thumb = li.querySelector<HTMLElement>('.thumb')!;
  const url = thumbnailUrl(photo);
  let img = thumb.querySelector('img');
  if (url && !img) {
    img = h('img', { alt: '', loading: 'lazy', decoding: 'async', draggable: 'false' });
    thumb.prepend(img);
  }
  if (img && url && img.src !== url) img.src = url;
  thumb.querySelectorAll('.tag').forEach((t) => t.remove());
  if (burst) thumb.append(h('span', { class: `tag burst${burst.best ? ' best' : ''}` }, burst.best ? `Best of ${burst.size}` : `Burst of ${burst.size}`));
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
    burst ? (burst.best ? `best of a burst of ${burst.size}` : `one of a burst of ${burst.size}`) : null,
    photo.location === 'blurry-folder' ? 'moved to the Blurry folder' : null,
    photo.outcome.kind === 'error' ? photo.outcome.message : null,
  ].filter(Boolean);
  li.setAttribute('aria-label', label.join(', '));
}
