// The numbers behind a verdict, as the viewer lists them: the file name, cause and its shares,
// size, date, folder, burst and where the file is now.
import { h } from '../ui/dom.ts';
import { formatBytes, formatDate, formatPercent } from '../ui/format.ts';
import { photoTime, type Photo } from '../state/photo.ts';
import type { BurstMembership } from '../state/store.ts';
import type { Shown } from '../state/view-filter.ts';
import { CAUSE_LABELS } from '../review/reason.ts';
import { faceSharpnessWords } from '../review/subject-reason.ts';

const fact = (term: string, value: string, testId?: string) => [h('dt', {}, term), h('dd', { 'data-testid': testId }, value)];

export function factRows(photo: Photo, shown: Shown, burst: BurstMembership | undefined): HTMLElement[] {
  // The whole file name, wrapped rather than cut: the viewer's heading keeps at most two lines of it.
  const rows: HTMLElement[] = [...fact('File', photo.name, 'viewer-file-name')];
  if (photo.outcome.kind === 'done') {
    const a = photo.outcome.analysis;
    if (shown.cause) rows.push(...fact('Cause', CAUSE_LABELS[shown.cause]));
    const faceWords = faceSharpnessWords(a);
    if (faceWords) rows.push(...fact('Face sharpness', faceWords));
    if (shown.eyesClosed) rows.push(...fact('Eyes', 'Closed'));
    // Causes belong to photos offered for clean-up or a look, not to keepers.
    if (a.typeProbabilities && shown.cause) {
      const p = a.typeProbabilities;
      rows.push(...fact('Causes', `${CAUSE_LABELS.motion} ${formatPercent(p.motion)}, ${CAUSE_LABELS['out-of-focus']} ${formatPercent(p.defocus + p.gaussian)}`));
    }
    rows.push(...fact('Size', `${a.sourceWidth} × ${a.sourceHeight} px, ${formatBytes(photo.size)}`));
    rows.push(...fact('Clean-up frees', formatBytes(photo.size)));
  } else {
    rows.push(...fact('Size', formatBytes(photo.size)));
  }
  rows.push(...fact('Taken', formatDate(photoTime(photo))));
  if (photo.folder) rows.push(...fact('Folder', photo.folder));
  if (burst) rows.push(...fact(burst.kind === 'burst' ? 'Burst' : 'Similar shots', burst.best ? `Sharpest of ${burst.size} shots` : `One of ${burst.size} shots`));
  if (photo.location === 'blurry-folder') rows.push(...fact('Location', 'Moved to the “Blurry” folder'));
  return rows;
}
