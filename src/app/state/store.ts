// The one place the page keeps its photos, selection and view settings. Views subscribe and
// re-render; nothing else mutates photos. Verdicts shown are the core's rule applied to the
// stored probability at the slider's thresholds, so moving the slider never re-analyses.
import type { BlurCause } from '../../core/types.ts';
import { causeFor, verdictAt, type VerdictThresholds } from '../../core/fusion/verdict.ts';
import { eyesClosed, subjectVerdict } from '../../core/face/subject-focus.ts';
import { bandsAt, DEFAULT_SENSITIVITY } from './sensitivity.ts';
import { ALL_PHOTOS, comparePhotos, matches, type Shown, type SortOrder, type ViewFilter } from './view-filter.ts';
import type { Photo } from './photo.ts';

export type ChangeKind = 'photos' | 'selection' | 'view' | 'bursts';

export interface BurstMembership {
  id: number;
  size: number;
  best: boolean;
}

export interface Counts {
  total: number;
  done: number;
  pending: number;
  sharp: number;
  blurry: number;
  uncertain: number;
  error: number;
  motion: number;
  'out-of-focus': number;
  /** Photos whose focus missed the person, and photos whose person has closed eyes. */
  focusMissed: number;
  eyesClosed: number;
}

export class PhotoStore {
  readonly photos = new Map<string, Photo>();
  readonly selection = new Set<string>();
  bursts = new Map<string, BurstMembership>();
  filter: ViewFilter = ALL_PHOTOS;
  sort: SortOrder = 'blurriest';
  private sensitivityValue = DEFAULT_SENSITIVITY;
  private bands: VerdictThresholds;
  private readonly listeners = new Set<(kind: ChangeKind) => void>();

  constructor(private readonly baseBands: VerdictThresholds) {
    this.bands = baseBands;
  }

  subscribe(listener: (kind: ChangeKind) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(kind: ChangeKind): void {
    for (const listener of this.listeners) listener(kind);
  }

  get sensitivity(): number {
    return this.sensitivityValue;
  }

  setSensitivity(value: number): void {
    this.sensitivityValue = value;
    this.bands = bandsAt(value, this.baseBands);
    this.emit('view');
  }

  get currentBands(): VerdictThresholds {
    return this.bands;
  }

  setFilter(filter: Partial<ViewFilter>): void {
    this.filter = { ...this.filter, ...filter };
    this.emit('view');
  }

  setSort(order: SortOrder): void {
    this.sort = order;
    this.emit('view');
  }

  /** Adds or replaces photos. */
  put(photos: Photo[]): void {
    if (photos.length === 0) return;
    for (const p of photos) this.photos.set(p.key, p);
    this.emit('photos');
  }

  update(key: string, patch: Partial<Photo>): Photo | undefined {
    const photo = this.photos.get(key);
    if (!photo) return undefined;
    Object.assign(photo, patch);
    this.emit('photos');
    return photo;
  }

  remove(keys: Iterable<string>): void {
    let selectionChanged = false;
    for (const key of keys) {
      this.photos.delete(key);
      selectionChanged = this.selection.delete(key) || selectionChanged;
    }
    this.emit('photos');
    if (selectionChanged) this.emit('selection');
  }

  clear(): void {
    this.photos.clear();
    this.selection.clear();
    this.bursts = new Map();
    this.emit('photos');
    this.emit('selection');
  }

  setBursts(bursts: Map<string, BurstMembership>): void {
    this.bursts = bursts;
    this.emit('bursts');
  }

  shown(photo: Photo): Shown {
    switch (photo.outcome.kind) {
      case 'pending':
        return { verdict: 'pending', cause: null, subject: null, eyesClosed: false };
      case 'error':
        return { verdict: 'error', cause: null, subject: null, eyesClosed: false };
      case 'done': {
        // The slider moves the frame's bands; the faces then have their say (one rule, in core).
        const { analysis } = photo.outcome;
        const { verdict, cause } = subjectVerdict(verdictAt(analysis.probability, this.bands), analysis.subject);
        return { verdict, cause: causeFor(analysis, verdict), subject: cause, eyesClosed: eyesClosed(analysis.subject) };
      }
    }
  }

  /** Photos that pass the filter, in the chosen order. */
  visible(): Photo[] {
    return [...this.photos.values()].filter((p) => matches(this.shown(p), this.filter)).sort(comparePhotos(this.sort));
  }

  counts(): Counts {
    const counts: Counts = { total: 0, done: 0, pending: 0, sharp: 0, blurry: 0, uncertain: 0, error: 0, motion: 0, 'out-of-focus': 0, focusMissed: 0, eyesClosed: 0 };
    for (const photo of this.photos.values()) {
      counts.total++;
      const shown = this.shown(photo);
      counts[shown.verdict]++;
      if (shown.verdict !== 'pending') counts.done++;
      if (shown.cause) counts[shown.cause satisfies BlurCause]++;
      if (shown.subject === 'focus-missed') counts.focusMissed++;
      if (shown.eyesClosed) counts.eyesClosed++;
    }
    return counts;
  }

  select(keys: Iterable<string>, selected = true): void {
    for (const key of keys) {
      if (!this.photos.has(key)) continue;
      if (selected) this.selection.add(key);
      else this.selection.delete(key);
    }
    this.emit('selection');
  }

  toggle(key: string): void {
    this.select([key], !this.selection.has(key));
  }

  clearSelection(): void {
    this.selection.clear();
    this.emit('selection');
  }

  selectedPhotos(): Photo[] {
    return [...this.selection].map((k) => this.photos.get(k)).filter((p): p is Photo => p !== undefined);
  }
}
