// The numbers behind a verdict, as the viewer lists them: kind of blur, type shares, size, date,
// folder, burst and where the file is now.
import { BLUR_TYPES } from '../../core/types.ts';
import { h } from '../ui/dom.ts';
import { formatBytes, formatDate, formatPercent } from '../ui/format.ts';
import { photoTime, type Photo } from '../state/photo.ts';
import type { BurstMembership } from '../state/store.ts';
import type { Shown } from '../state/view-filter.ts';
import { TYPE_LABELS } from '../review/reason.ts';

const fact = (term: string, value: string) => [h('dt', {}, term), h('dd', {}, value)];

export function factRows(photo: Photo, shown: Shown, burst: BurstMembership | undefined): HTMLElement[] {
  const rows: HTMLElement[] = [];
  if (photo.outcome.kind === 'done') {
    const a = photo.outcome.analysis;
    if (shown.blurType) rows.push(...fact('Kind of blur', TYPE_LABELS[shown.blurType]));
    if (a.typeProbabilities) rows.push(...fact('Blur types', BLUR_TYPES.map((t) => `${TYPE_LABELS[t]} ${formatPercent(a.typeProbabilities![t])}`).join(', ')));
    rows.push(...fact('Size', `${a.sourceWidth} × ${a.sourceHeight} px, ${formatBytes(photo.size)}`));
    rows.push(...fact('Clean-up frees', formatBytes(photo.size)));
  } else {
    rows.push(...fact('Size', formatBytes(photo.size)));
  }
  rows.push(...fact('Taken', formatDate(photoTime(photo))));
  if (photo.folder) rows.push(...fact('Folder', photo.folder));
  if (burst) rows.push(...fact('Burst', burst.best ? `Sharpest of ${burst.size} similar shots` : `One of ${burst.size} similar shots`));
  if (photo.location === 'blurry-folder') rows.push(...fact('Location', 'Moved to the “Blurry” folder'));
  return rows;
}
