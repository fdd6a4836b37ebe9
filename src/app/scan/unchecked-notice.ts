// After a reload or a closed tab mid-scan, the photos the scan never reached are still part of
// the collection, as "not checked". This notice says how many and asks for them again: picked
// files cannot be read after a reload (the page only ever held them in memory), so the person
// picks them once more and what was checked already is skipped; a folder opened with File
// System Access is remembered, so one click resumes it.
import { h, setText } from '../ui/dom.ts';
import { plural } from '../ui/format.ts';
import type { PhotoStore } from '../state/store.ts';

export interface UncheckedActions {
  /** Opens the photo picker (must run inside the click). */
  pickAgain(): void;
  /** The folder remembered from last time, if any. */
  folder(): FileSystemDirectoryHandle | null;
  resumeFolder(folder: FileSystemDirectoryHandle): void;
  /** Drops the unchecked photos from the collection. */
  forget(keys: string[]): void;
}

/** Photos of the collection without a result and without a file to read it from. */
export function uncheckedKeys(store: PhotoStore): { picked: string[]; inFolder: string[] } {
  const picked: string[] = [];
  const inFolder: string[] = [];
  for (const p of store.photos.values()) {
    if (p.outcome.kind !== 'pending' || p.source) continue;
    (p.fromFolder ? inFolder : picked).push(p.key);
  }
  return { picked, inFolder };
}

export function uncheckedNotice(store: PhotoStore, actions: UncheckedActions): { element: HTMLElement; refresh(): void } {
  const text = h('p', { class: 'unchecked-text' });
  const pick = h('button', { type: 'button', class: 'button primary', 'data-testid': 'pick-unchecked' });
  const resume = h('button', { type: 'button', class: 'button primary', 'data-testid': 'resume-folder' });
  const forget = h('button', { type: 'button', class: 'button ghost small', 'data-testid': 'forget-unchecked' }, 'Forget them');
  const element = h(
    'div',
    { class: 'unchecked', role: 'region', 'aria-label': 'Photos not checked', 'data-testid': 'unchecked-notice', hidden: true },
    text,
    h('div', { class: 'unchecked-buttons' }, pick, resume, forget),
  );
  pick.addEventListener('click', () => actions.pickAgain());
  resume.addEventListener('click', () => {
    const folder = actions.folder();
    if (folder) actions.resumeFolder(folder);
  });
  forget.addEventListener('click', () => {
    const { picked, inFolder } = uncheckedKeys(store);
    actions.forget([...picked, ...inFolder]);
  });

  const render = () => {
    const { picked, inFolder } = uncheckedKeys(store);
    const folder = actions.folder();
    element.hidden = picked.length + inFolder.length === 0;
    element.dataset.picked = String(picked.length);
    element.dataset.inFolder = String(inFolder.length);
    const parts: string[] = [];
    if (picked.length > 0) {
      parts.push(
        `${plural(picked.length, 'photo')} you picked ${picked.length === 1 ? 'was' : 'were'} not checked: the page was closed or reloaded before the scan reached them. ` +
          'A web page cannot open picked photos again by itself after a reload, so choose the same photos once more; those already checked are skipped.',
      );
    }
    if (inFolder.length > 0) {
      parts.push(`${plural(inFolder.length, 'photo')} in ${folder ? `“${folder.name}”` : 'the folder'} ${inFolder.length === 1 ? 'was' : 'were'} not checked; the scan can carry on where it stopped.`);
    }
    setText(text, parts.join(' '));
    pick.hidden = picked.length === 0;
    setText(pick, 'Choose the photos again');
    resume.hidden = inFolder.length === 0 || !folder;
    setText(resume, folder ? `Resume “${folder.name}”` : 'Resume');
  };
  store.subscribe(render);
  render();
  return { element, refresh: render };
}
