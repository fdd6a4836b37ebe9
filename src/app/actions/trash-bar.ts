// The trash of the opened folder, while it holds anything: how much, restore, and empty — the
// one permanent step, confirmed in words that say so.
import { h, setText } from '../ui/dom.ts';
import { formatBytes, plural } from '../ui/format.ts';
import { confirmDialog } from '../ui/dialog.ts';
import type { Toasts } from '../ui/toast.ts';
import { TRASH_FOLDER } from '../intake/image-files.ts';
import type { Trash } from './trash.ts';
import type { Located } from './file-ops.ts';

export interface TrashBarDeps {
  trash: Trash;
  toasts: Toasts;
  announce(message: string): void;
  /** Adds photos put back from the trash to the collection again. */
  readd(root: FileSystemDirectoryHandle, restored: Array<Located & { path: string[] }>): Promise<void>;
}

export function trashBar({ trash, toasts, announce, readd }: TrashBarDeps): HTMLElement {
  const info = h('p', { class: 'trash-info' });
  const restore = h('button', { type: 'button', class: 'button small', 'data-testid': 'restore-trash' }, 'Put all back');
  const empty = h('button', { type: 'button', class: 'button danger small', 'data-testid': 'empty-trash' }, 'Empty trash…');
  const element = h('section', { class: 'trash-bar', 'aria-label': 'Trash', 'data-testid': 'trash-bar', hidden: true }, info, h('div', { class: 'trash-buttons' }, restore, empty));
  const tell = (message: string, failed: string[]) => {
    toasts.show(message, { details: failed, tone: failed.length ? 'warning' : 'info' });
    announce(message);
  };

  restore.addEventListener('click', async () => {
    const root = trash.root;
    if (!root) return;
    const { restored, failed } = await trash.restoreAll();
    await readd(root, restored);
    tell(`Put back ${plural(restored.length, 'photo')} from the trash.`, failed);
  });
  empty.addEventListener('click', async () => {
    const root = trash.root;
    if (!root || trash.count === 0) return;
    const n = plural(trash.count, 'photo');
    const size = formatBytes(trash.bytes);
    const ok = await confirmDialog({
      title: `Delete ${n} (${size}) for good?`,
      body: [
        `Emptying the trash permanently deletes the ${n} in “${root.name}/${TRASH_FOLDER}”, freeing ${size}.`,
        'This cannot be undone. They do not go to your computer’s Recycle Bin or your phone’s trash: browsers give web apps no way to use those.',
      ],
      confirmLabel: `Delete ${n} for good`,
      danger: true,
      testId: 'empty-trash-dialog',
    });
    if (!ok) return;
    const result = await trash.empty();
    tell(`Deleted ${plural(result.deleted, 'photo')} for good (${formatBytes(result.bytes)} freed).`, result.failed);
  });

  const render = () => {
    element.hidden = trash.count === 0;
    element.dataset.count = String(trash.count);
    element.dataset.bytes = String(trash.bytes);
    setText(info, `Trash: ${plural(trash.count, 'photo')} (${formatBytes(trash.bytes)}) in “${trash.root?.name ?? ''}/${TRASH_FOLDER}”. The space comes back when you empty it.`);
  };
  trash.subscribe(render);
  render();
  return element;
}
