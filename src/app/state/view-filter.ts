// Which photos the grid shows and in what order. Pure, so the rules are testable apart from the DOM.
import type { BlurCause } from '../../core/types.ts';
import type { SubjectCause } from '../../core/face/subject-focus.ts';
import { photoTime, type Photo } from './photo.ts';

export type ShownVerdict = 'sharp' | 'blurry' | 'uncertain' | 'error' | 'pending';
export type VerdictFilter = 'all' | 'blurry' | 'uncertain' | 'sharp' | 'error';
export type SortOrder = 'blurriest' | 'sharpest' | 'date' | 'name';

/** The people filter: photos whose focus missed the person, or whose person has closed eyes. */
export type PeopleFilter = 'any' | 'focus-missed' | 'eyes-closed';

export interface ViewFilter {
  verdict: VerdictFilter;
  cause: BlurCause | 'any';
  people: PeopleFilter;
}

export const ALL_PHOTOS: ViewFilter = { verdict: 'all', cause: 'any', people: 'any' };

export interface Shown {
  verdict: ShownVerdict;
  cause: BlurCause | null;
  /** What the faces decided (src/core/face/subject-focus.ts); null when they left the frame's verdict. */
  subject: SubjectCause | null;
  eyesClosed: boolean;
}

export function matches(shown: Shown, filter: ViewFilter): boolean {
  if (filter.verdict !== 'all' && shown.verdict !== filter.verdict) return false;
  if (filter.cause !== 'any' && shown.cause !== filter.cause) return false;
  if (filter.people === 'focus-missed' && shown.subject !== 'focus-missed') return false;
  if (filter.people === 'eyes-closed' && !shown.eyesClosed) return false;
  return true;
}

function probabilityOf(photo: Photo): number {
  // Errors and unchecked photos sink below every analysed photo in either direction.
  return photo.outcome.kind === 'done' ? photo.outcome.analysis.probability : Number.NaN;
}

export function comparePhotos(order: SortOrder): (a: Photo, b: Photo) => number {
  const byName = (a: Photo, b: Photo) => `${a.folder}/${a.name}`.localeCompare(`${b.folder}/${b.name}`, undefined, { numeric: true });
  switch (order) {
    case 'name':
      return byName;
    case 'date':
      return (a, b) => photoTime(a) - photoTime(b) || byName(a, b);
    case 'blurriest':
    case 'sharpest': {
      const sign = order === 'blurriest' ? -1 : 1;
      return (a, b) => {
        const pa = probabilityOf(a);
        const pb = probabilityOf(b);
        if (Number.isNaN(pa) || Number.isNaN(pb)) {
          if (Number.isNaN(pa) && Number.isNaN(pb)) return byName(a, b);
          return Number.isNaN(pa) ? 1 : -1;
        }
        return sign * (pa - pb) || byName(a, b);
      };
    }
  }
}
