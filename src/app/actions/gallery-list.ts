// Picked-files mode: a web page cannot delete photos from a phone's gallery, so the person gets
// the list to work through there — newest first under day headings, as the gallery shows them,
// each with its thumbnail and capture time so it is found at a glance — and can tick each off,
// copy the names or save the list. Where the browser can open folders with write access (desktop
// Chrome, Chrome on Android 132+), the list says how to let Blur Finder do the deleting instead.
import { h, setText } from '../ui/dom.ts';
import { infoDialog } from '../ui/dialog.ts';
import { formatBytes, plural } from '../ui/format.ts';
import { photoTime, type Photo } from '../state/photo.ts';
import { canPickDirectory } from '../intake/fs-access.ts';
import { exportGalleryList } from './export-results.ts';
import { bytesOf } from './clean-up.ts';
import { galleryOrder } from './gallery-order.ts';

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function row(photo: Photo, urls: string[]): HTMLLIElement {
  const thumb = photo.thumbnail ? URL.createObjectURL(photo.thumbnail) : null;
  if (thumb) urls.push(thumb);
  const tick = h('input', { type: 'checkbox', class: 'gl-tick', 'aria-label': `${photo.name} deleted in the gallery` });
  const item = h(
    'li',
    { 'data-file-name': photo.name, 'data-time': String(photoTime(photo)) },
    thumb ? h('img', { src: thumb, alt: '', width: 72, height: 72, 'data-testid': 'gallery-thumb' }) : h('span', { class: 'no-thumb', 'aria-hidden': 'true' }),
    h('span', { class: 'gl-time', 'data-testid': 'gallery-time' }, photo.takenAt != null ? timeFormat.format(photoTime(photo)) : `${timeFormat.format(photoTime(photo))} (file date)`),
    h('span', { class: 'gl-name' }, photo.name),
    h('span', { class: 'gl-meta' }, [formatBytes(photo.size), photo.folder].filter(Boolean).join(' · ')),
    h('label', { class: 'gl-done' }, tick, h('span', { 'aria-hidden': 'true' }, 'Done')),
  );
  tick.addEventListener('change', () => item.classList.toggle('ticked', tick.checked));
  return item;
}

export function showGalleryList(photos: readonly Photo[]): void {
  const days = galleryOrder(photos);
  const sorted = days.flatMap((d) => d.photos);
  const urls: string[] = [];
  const list = h('div', { class: 'gallery-list', 'data-testid': 'gallery-list', tabindex: 0, role: 'region', 'aria-label': 'Photos to delete, newest first' });
  for (const day of days) {
    list.append(
      h('h3', { class: 'gl-day', 'data-testid': 'gallery-day' }, dayFormat.format(day.day)),
      h('ol', { class: 'gl-photos' }, ...day.photos.map((p) => row(p, urls))),
    );
  }
  const save = h('button', { type: 'button', class: 'button', 'data-testid': 'gallery-list-download' }, 'Save the list (CSV)');
  save.addEventListener('click', () => exportGalleryList(sorted));
  const copy = h('button', { type: 'button', class: 'button', 'data-testid': 'gallery-list-copy' }, 'Copy names');
  copy.addEventListener('click', async () => {
    await navigator.clipboard?.writeText(sorted.map((p) => p.name).join('\n')).then(
      () => setText(copy, 'Copied'),
      () => setText(copy, 'Copy failed'),
    );
  });
  const intro = `Web apps may not delete photos from your gallery, so here they are newest first, by day and time — the order your gallery shows them. Deleting them frees ${formatBytes(bytesOf(sorted))}.`;
  const folderTip = canPickDirectory()
    ? h('p', { class: 'gl-tip', 'data-testid': 'gallery-folder-tip' }, 'This browser can open folders: choose your camera folder (on Android: DCIM › Camera) with “Choose a folder”, and Blur Finder can move these to its trash for you.')
    : null;
  const dialog = infoDialog(`Delete ${plural(sorted.length, 'photo')} in your gallery`, [h('p', {}, intro), ...(folderTip ? [folderTip] : []), list], 'gallery-list-dialog', [copy, save]);
  dialog.addEventListener('close', () => urls.forEach((u) => URL.revokeObjectURL(u)));
}
