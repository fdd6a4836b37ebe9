// A standing note, under the page header, that results are no longer being kept on this device
// (storage full or failing). It is not a toast: toasts replace one another, and this stays true
// for the rest of the visit, so it stays until dismissed.
import { h } from './dom.ts';

export interface StorageProblem {
  /** The browser's storage quota for the app ran out (as opposed to some other write error). */
  full: boolean;
}

export function storageNoticeText(problem: StorageProblem): string {
  const why = problem.full ? 'This device’s storage for Blur Finder is full' : 'Blur Finder could not save results on this device';
  return `${why}, so results won’t be kept after you close the page. Checking and reviewing photos carries on as normal.`;
}

/** Shows the note once; a second call while it is on screen changes nothing. */
export function showStorageNotice(problem: StorageProblem): void {
  if (document.querySelector('[data-testid=storage-notice]')) return;
  const dismiss = h('button', { type: 'button', class: 'button ghost small', 'aria-label': 'Dismiss storage message' }, '✕');
  const notice = h('div', { class: 'storage-notice', role: 'status', 'data-testid': 'storage-notice' }, h('p', {}, storageNoticeText(problem)), dismiss);
  dismiss.addEventListener('click', () => notice.remove());
  const header = document.querySelector('header.top');
  if (header) header.after(notice);
  else document.body.prepend(notice);
}
