// Picked-files mode: a web page cannot delete photos from a phone's gallery, so we give the
// person the list — sorted by date as the gallery shows them, with thumbnails — to delete there,
// and let them save it.
import { h } from '../ui/dom.ts';
import { infoDialog } from '../ui/dialog.ts';
import { formatBytes, formatDate, plural } from '../ui/format.ts';
import { photoTime, type Photo } from '../state/photo.ts';
import { comparePhotos } from '../state/view-filter.ts';
import { exportGalleryList } from './export-results.ts';
import { bytesOf } from './clean-up.ts';

export function showGalleryList(photos: readonly Photo[]): void {
  const sorted = [...photos].sort(comparePhotos('date'));
  const urls: string[] = [];
  const list = h('ol', { class: 'gallery-list', 'data-testid': 'gallery-list' });
  for (const p of sorted) {
    const thumb = p.thumbnail ? URL.createObjectURL(p.thumbnail) : null;
    if (thumb) urls.push(thumb);
    list.append(
      h(
        'li',
        { 'data-file-name': p.name },
        thumb ? h('img', { src: thumb, alt: '', width: 48, height: 48 }) : h('span', { class: 'no-thumb', 'aria-hidden': 'true' }),
        h('span', { class: 'gl-name' }, p.name),
        h('span', { class: 'gl-meta' }, `${formatDate(photoTime(p))} · ${formatBytes(p.size)}${p.folder ? ` · ${p.folder}` : ''}`),
      ),
    );
  }
  const save = h('button', { type: 'button', class: 'button', 'data-testid': 'gallery-list-download' }, 'Save the list (CSV)');
  save.addEventListener('click', () => exportGalleryList(sorted));
  const copy = h('button', { type: 'button', class: 'button', 'data-testid': 'gallery-list-copy' }, 'Copy names');
  copy.addEventListener('click', async () => {
    await navigator.clipboard?.writeText(sorted.map((p) => p.name).join('\n')).then(
      () => (copy.textContent = 'Copied'),
      () => (copy.textContent = 'Copy failed'),
    );
  });
  const dialog = infoDialog(
    `Delete ${plural(sorted.length, 'photo')} in your gallery`,
    [
      h(
        'p',
        {},
        `Web apps may not delete photos from your phone’s gallery, so here is the list, oldest first — the order your gallery shows them. Deleting them frees ${formatBytes(bytesOf(sorted))}.`,
      ),
      list,
    ],
    'gallery-list-dialog',
    [copy, save],
  );
  dialog.addEventListener('close', () => urls.forEach((u) => URL.revokeObjectURL(u)));
}
