// Getting photos in: the drop zone (files and whole folders, dropped anywhere on the page),
// the multi-select picker, and the folder picker. It hands every batch to `onPhotos`.
import { h } from '../ui/dom.ts';
import { icon } from '../ui/icons.ts';
import { collectDrop, collectFiles, walkDirectoryHandle, type CollectResult } from './collect.ts';
import { canPickDirectory, pickDirectory } from './fs-access.ts';
import './intake.css';

export interface IntakeView {
  element: HTMLElement;
  /** Shrinks the drop zone once photos are on screen; the page belongs to the results then. */
  setCompact(compact: boolean): void;
  /** Opens the photo picker, as the "Choose photos" button does (only from inside a click). */
  pickFiles(): void;
  /** Offers to reopen the folder used last time (its handle was remembered). */
  offerReconnect(folder: FileSystemDirectoryHandle | null, reconnect: (folder: FileSystemDirectoryHandle) => void): void;
}

export function intakeView(onPhotos: (batch: CollectResult, how: string) => void, onError: (message: string) => void): IntakeView {
  const fileInput = h('input', { type: 'file', multiple: true, accept: 'image/*', class: 'visually-hidden', 'data-testid': 'file-input' });
  // Without `multiple` on purpose: webkitdirectory implies it, and the page keeps exactly one multi-file photo picker.
  const folderInput = h('input', { type: 'file', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true', 'data-testid': 'folder-input' });
  folderInput.setAttribute('webkitdirectory', '');

  const filesLabel = h('span', {}, 'Choose photos');
  const folderLabel = h('span', {}, 'Choose a folder');
  const chooseFiles = h('label', { class: 'button primary' }, fileInput, icon('photos'), filesLabel);
  const chooseFolder = h('button', { type: 'button', class: 'button', 'data-testid': 'choose-folder' }, icon('folder'), folderLabel);
  const reconnect = h('button', { type: 'button', class: 'button ghost', hidden: true, 'data-testid': 'reconnect-folder' });
  const title = h('h2', { id: 'intake-title' }, 'Add photos');
  const explainer = h('p', { class: 'intake-text' }, 'Drop photos or whole folders here, or choose them. Blur Finder checks each one for blur — on this device; no photo is uploaded.');
  const folderHint = h(
    'p',
    { class: 'intake-hint' },
    canPickDirectory()
      ? 'Choose a folder (on a phone: your camera folder, DCIM › Camera) to move blurry photos into a “Blurry” sub-folder or into its trash, right here.'
      : 'This browser can read folders but not change them; you get a list to delete in your gallery.',
  );

  const zone = h(
    'div',
    { class: 'drop-zone', 'data-testid': 'drop-zone' },
    h('div', { class: 'drop-art', 'aria-hidden': 'true' }, icon('photos', 'icon big')),
    title,
    explainer,
    h('div', { class: 'intake-buttons' }, chooseFiles, chooseFolder, reconnect),
    folderHint,
    folderInput,
  );
  const steps = h(
    'ol',
    { class: 'how', 'aria-label': 'How it works' },
    h('li', {}, h('span', {}, h('strong', {}, 'Add'), ' photos from a folder or your gallery — or share them to Blur Finder from another app.')),
    h('li', {}, h('span', {}, h('strong', {}, 'Review'), ' the blurriest first. Each photo says why, with a sharpness map to check.')),
    h('li', {}, h('span', {}, h('strong', {}, 'Clean up'), ': move them to a “Blurry” folder (undoable), delete them to a trash you empty later, or get a list for your gallery.')),
  );
  const element = h('section', { class: 'intake', 'aria-labelledby': 'intake-title' }, zone, steps);

  fileInput.addEventListener('change', () => {
    if (fileInput.files?.length) onPhotos(collectFiles(fileInput.files), 'picked');
    fileInput.value = '';
  });
  folderInput.addEventListener('change', () => {
    if (folderInput.files?.length) onPhotos(collectFiles(folderInput.files), 'folder-readonly');
    folderInput.value = '';
  });
  chooseFolder.addEventListener('click', async () => {
    if (!canPickDirectory()) {
      folderInput.click();
      return;
    }
    let folder: FileSystemDirectoryHandle;
    try {
      folder = await pickDirectory();
    } catch (error) {
      if ((error as DOMException).name !== 'AbortError') onError(`The folder could not be opened: ${(error as Error).message}`);
      return;
    }
    try {
      const batch = await walkDirectoryHandle(folder);
      batch.roots.push(folder);
      onPhotos(batch, 'folder');
    } catch (error) {
      onError(`The folder could not be read: ${(error as Error).message}`);
    }
  });

  // Drops anywhere on the page count: on a phone or a big screen the zone may be out of view.
  let depth = 0;
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) document.body.classList.remove('dragging');
  });
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (e) => {
    depth = 0;
    document.body.classList.remove('dragging');
    if (!e.dataTransfer) return;
    e.preventDefault();
    collectDrop(e.dataTransfer).then(
      (batch) => onPhotos(batch, 'dropped'),
      (error: unknown) => onError(`The dropped items could not be read: ${(error as Error).message}`),
    );
  });

  return {
    element,
    setCompact(compact) {
      element.classList.toggle('compact', compact);
      title.textContent = compact ? 'Add more photos' : 'Add photos';
      filesLabel.textContent = compact ? 'Add photos' : 'Choose photos';
      folderLabel.textContent = compact ? 'Add a folder' : 'Choose a folder';
    },
    pickFiles() {
      fileInput.click();
    },
    offerReconnect(folder, onReconnect) {
      reconnect.hidden = !folder;
      if (!folder) return;
      reconnect.replaceChildren(icon('folder'), h('span', {}, `Reopen “${folder.name || 'folder'}”`));
      reconnect.onclick = () => onReconnect(folder);
    },
  };
}
