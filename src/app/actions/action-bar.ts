// The bar that appears when photos are selected: how many, how much space a clean-up frees,
// and what can be done with them here (move / delete in folder mode, a list for the gallery
// otherwise). Every outcome is reported by name: what moved, and what did not and why.
import { h, setText, frameThrottle } from '../ui/dom.ts';
import { formatBytes, plural } from '../ui/format.ts';
import { confirmDialog } from '../ui/dialog.ts';
import type { Toasts } from '../ui/toast.ts';
import type { PhotoStore } from '../state/store.ts';
import { bytesOf, type CleanUp, type Report } from './clean-up.ts';
import type { Trash } from './trash.ts';
import { TRASH_FOLDER } from '../intake/image-files.ts';
import { showGalleryList } from './gallery-list.ts';
import './actions.css';

export function actionBar(store: PhotoStore, cleanUp: CleanUp, trash: Trash, toasts: Toasts, announce: (m: string) => void): HTMLElement {
  const info = h('p', { class: 'selection-info', 'data-testid': 'selection-info' });
  const move = h('button', { type: 'button', class: 'button primary', 'data-testid': 'move-to-blurry' }, 'Move to “Blurry” folder');
  const remove = h('button', { type: 'button', class: 'button danger', 'data-testid': 'delete-selected' }, 'Delete…');
  const gallery = h('button', { type: 'button', class: 'button primary', 'data-testid': 'gallery-list-open' }, 'List to delete in gallery');
  const undo = h('button', { type: 'button', class: 'button', 'data-testid': 'undo-move' }, 'Undo move');
  const clear = h('button', { type: 'button', class: 'button ghost small', 'data-testid': 'clear-selection' }, 'Clear selection');
  const busy = h('progress', { class: 'action-progress', hidden: true, 'aria-label': 'Clean-up progress' });
  const element = h(
    'div',
    { class: 'action-bar', role: 'region', 'aria-label': 'Clean-up', 'data-testid': 'action-bar', hidden: true },
    h('div', { class: 'action-head' }, info, clear),
    h('div', { class: 'action-buttons' }, move, remove, gallery, undo),
    busy,
  );
  let working = false;
  // Leaving mid-move is safe (copy, verify, then remove), but the person should know it stops.
  window.addEventListener('beforeunload', (event) => {
    if (working) event.preventDefault();
  });

  const report = (verb: string, result: Report) => {
    const bytes = formatBytes(bytesOf(result.done));
    const failed = result.failed.map((f) => `${f.photo.name}: ${f.reason}`);
    const message =
      result.failed.length === 0
        ? `${verb} ${plural(result.done.length, 'photo')} (${bytes}).`
        : `${verb} ${plural(result.done.length, 'photo')} (${bytes}); ${result.failed.length} could not be: they are untouched.`;
    return { message, failed };
  };

  const run = async <T>(total: number, job: (progress: (n: number) => void) => Promise<T>): Promise<T> => {
    working = true;
    busy.hidden = false;
    busy.max = Math.max(1, total);
    busy.value = 0;
    render();
    try {
      return await job((n) => (busy.value = n));
    } finally {
      working = false;
      busy.hidden = true;
      render();
    }
  };

  const undoMove = async () => {
    const result = await run(cleanUp.canUndo, () => cleanUp.undoMove());
    const { message, failed } = report('Moved back', result);
    toasts.show(message, { details: failed, tone: failed.length ? 'warning' : 'info' });
    announce(message);
  };

  move.addEventListener('click', async () => {
    const photos = cleanUp.movable();
    if (photos.length === 0) return;
    const result = await run(photos.length, (progress) => cleanUp.moveToBlurry(photos, progress));
    const { message, failed } = report('Moved to “Blurry”:', result);
    toasts.show(message, { details: failed, tone: failed.length ? 'warning' : 'info', action: result.done.length ? { label: 'Undo', run: () => void undoMove() } : undefined });
    announce(message);
  });
  const undoTrash = async () => {
    const result = await run(trash.canUndo, () => trash.undo());
    const { message, failed } = report('Put back', result);
    toasts.show(message, { details: failed, tone: failed.length ? 'warning' : 'info' });
    announce(message);
  };
  // Delete puts photos in the folder's trash (trash.ts): a person expects a delete to be
  // recoverable until they empty the trash, as in their gallery and file manager.
  remove.addEventListener('click', async () => {
    const photos = cleanUp.deletable();
    if (photos.length === 0) return;
    const size = formatBytes(bytesOf(photos));
    const folder = photos[0].source.root.name;
    const ok = await confirmDialog({
      title: `Delete ${plural(photos.length, 'photo')} (${size})?`,
      body: [
        `They go to the trash: the “${TRASH_FOLDER}” folder inside “${folder}”. Put them back from there any time, or empty the trash to free ${size}.`,
        'Emptying the trash is the step that deletes them for good, and it asks first.',
      ],
      confirmLabel: `Move ${plural(photos.length, 'photo')} to the trash`,
      testId: 'delete-dialog',
    });
    if (!ok) return;
    const result = await run(photos.length, (progress) => trash.put(photos, progress));
    cleanUp.forget(result.done.map((p) => p.key));
    const { message, failed } = report('Moved to the trash:', result);
    toasts.show(message, { details: failed, tone: failed.length ? 'warning' : 'info', action: result.done.length ? { label: 'Undo', run: () => void undoTrash() } : undefined });
    announce(message);
  });
  gallery.addEventListener('click', () => showGalleryList(cleanUp.galleryOnly()));
  undo.addEventListener('click', () => void undoMove());
  clear.addEventListener('click', () => store.clearSelection());

  const render = () => {
    const selected = store.selectedPhotos();
    const movable = cleanUp.movable();
    const deletable = cleanUp.deletable();
    const galleryOnly = cleanUp.galleryOnly();
    element.hidden = selected.length === 0 && cleanUp.canUndo === 0;
    element.dataset.count = String(selected.length);
    element.dataset.bytes = String(bytesOf(selected));
    setText(info, selected.length ? `${plural(selected.length, 'photo')} selected · clean-up frees ${formatBytes(bytesOf(selected))}` : 'Nothing selected');
    move.hidden = movable.length === 0;
    setText(move, movable.length === selected.length ? 'Move to “Blurry” folder' : `Move ${movable.length} to “Blurry” folder`);
    remove.hidden = deletable.length === 0;
    setText(remove, deletable.length === selected.length ? 'Delete…' : `Delete ${deletable.length}…`);
    gallery.hidden = galleryOnly.length === 0;
    setText(gallery, galleryOnly.length === selected.length ? 'List to delete in gallery' : `List ${galleryOnly.length} for the gallery`);
    undo.hidden = cleanUp.canUndo === 0;
    setText(undo, `Undo move (${cleanUp.canUndo})`);
    clear.hidden = selected.length === 0;
    for (const b of [move, remove, gallery, undo, clear]) b.disabled = working;
    document.body.classList.toggle('has-action-bar', !element.hidden);
  };
  store.subscribe(frameThrottle(render));
  cleanUp.subscribe(render);
  render();
  return element;
}
