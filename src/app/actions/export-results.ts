// Builds the export rows from the store (verdicts at the current sensitivity) and saves them.
import { photoTime, type Photo } from '../state/photo.ts';
import type { PhotoStore } from '../state/store.ts';
import { download } from '../ui/dom.ts';
import { galleryListCsv, toCsv, toJson, type ExportRow, type GalleryListRow } from './export.ts';
import { comparePhotos } from '../state/view-filter.ts';
import { decidingReading, type SubjectCause } from '../../core/face/subject-focus.ts';
import { galleryOrder } from './gallery-order.ts';

const SUBJECT_WORDS: Record<SubjectCause, string> = { 'face-sharp': 'face sharp', 'focus-missed': 'focus missed the subject', 'face-soft': 'face soft' };

export function exportRows(store: PhotoStore): ExportRow[] {
  return [...store.photos.values()].sort(comparePhotos('blurriest')).map((photo) => {
    const shown = store.shown(photo);
    const face = photo.outcome.kind === 'done' ? decidingReading(photo.outcome.analysis.subject) : null;
    return {
      file: photo.name,
      folder: photo.folder,
      verdict: shown.verdict === 'pending' ? 'not checked' : shown.verdict,
      probability: photo.outcome.kind === 'done' ? photo.outcome.analysis.probability : null,
      cause: shown.cause,
      size: photo.size,
      date: new Date(photoTime(photo)).toISOString(),
      error: photo.outcome.kind === 'error' ? photo.outcome.message : null,
      subject: shown.subject ? SUBJECT_WORDS[shown.subject] : null,
      face_sharpness: face?.sharpness ?? null,
      eyes_closed: face ? shown.eyesClosed : null,
    };
  });
}

const stamp = () => new Date().toISOString().slice(0, 10);

export function exportCsv(store: PhotoStore): void {
  download(new Blob([toCsv(exportRows(store))], { type: 'text/csv;charset=utf-8' }), `blur-finder-${stamp()}.csv`);
}

export function exportJson(store: PhotoStore): void {
  const meta = { app: 'Blur Finder', exported: new Date().toISOString(), sensitivity: store.sensitivity, bands: store.currentBands };
  download(new Blob([toJson(exportRows(store), meta)], { type: 'application/json' }), `blur-finder-${stamp()}.json`);
}

/** Newest first, as gallery apps show them (gallery-order.ts), so the person can tick them off while scrolling. */
export function galleryRows(photos: readonly Photo[]): GalleryListRow[] {
  return galleryOrder(photos)
    .flatMap((d) => d.photos)
    .map((p) => ({ file: p.name, folder: p.folder, date: new Date(photoTime(p)).toISOString(), size: p.size }));
}

export function exportGalleryList(photos: readonly Photo[]): void {
  download(new Blob([galleryListCsv(galleryRows(photos))], { type: 'text/csv;charset=utf-8' }), `blur-finder-to-delete-${stamp()}.csv`);
}
