// The one place the page keeps its photos, selection and view settings. Views subscribe and
// re-render; nothing else mutates photos. Verdicts shown are the core's rule applied to the
// stored probability at the slider's thresholds, so moving the slider never re-analyses.
import type { BlurCause } from '../../core/types.ts';
import { causeFor, verdictAt, type VerdictThresholds } from '../../core/fusion/verdict.ts';
import { eyesClosed, subjectVerdict } from '../../core/face/subject-focus.ts';
import { bandsAt, DEFAULT_SENSITIVITY } from './sensitivity.ts';
import { ALL_PHOTOS, comparePhotos, matches, type Shown, type SortOrder, type ViewFilter } from './view-filter.ts';
import type { Photo } from './photo.ts';
import type { GroupKind } from '../bursts/group.ts';

export type ChangeKind = 'photos' | 'selection' | 'view' | 'bursts';

/** A photo's place in a burst or similar group (src/app/bursts/group.ts). */
export interface BurstMembership {
  /** The group's id, shared by all its members. */
  id: string;
  kind: GroupKind;
  /** Members in the whole group, whatever the filter shows. */
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
  /** Selected by a bulk action rather than by hand: these give way when they turn out to be a group's best. */
  private readonly bulkPicked = new Set<string>();
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
      this.bulkPicked.delete(key);
      selectionChanged = this.selection.delete(key) || selectionChanged;
    }
    this.emit('photos');
    if (selectionChanged) this.emit('selection');
  }

  clear(): void {
    this.photos.clear();
    this.selection.clear();
    this.bulkPicked.clear();
    this.bursts = new Map();
    this.emit('photos');
    this.emit('selection');
  }

  setBursts(bursts: Map<string, BurstMembership>): void {
    this.bursts = bursts;
    // A group that grew during the scan may have a new best: one a bulk action had picked gives way.
    let selectionChanged = false;
    for (const key of this.bulkPicked) {
      if (!bursts.get(key)?.best) continue;
      this.bulkPicked.delete(key);
      selectionChanged = this.selection.delete(key) || selectionChanged;
    }
    this.emit('bursts');
    if (selectionChanged) this.emit('selection');
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

  /** Selects or unselects by hand: whatever the person points at, a group's best shot too. */
  select(keys: Iterable<string>, selected = true): void {
    for (const key of keys) {
      if (!this.photos.has(key)) continue;
      this.bulkPicked.delete(key);
      if (selected) this.selection.add(key);
      else this.selection.delete(key);
    }
    this.emit('selection');
  }

  /**
   * The rule for every bulk action ("select all blurry", "keep the best", select all): it never
   * selects the best shot of a burst or similar group, so no clean-up loses a whole moment. The
   * person can still pick that shot by hand. Returns how many were selected and how many spared.
   */
  selectInBulk(keys: Iterable<string>): { selected: number; spared: number } {
    let selected = 0;
    let spared = 0;
    for (const key of keys) {
      if (!this.photos.has(key)) continue;
      if (this.bursts.get(key)?.best) {
        if (!this.selection.has(key)) spared++;
        continue;
      }
      if (this.selection.has(key)) continue;
      this.selection.add(key);
      this.bulkPicked.add(key);
      selected++;
    }
    this.emit('selection');
    return { selected, spared };
  }

  toggle(key: string): void {
    this.select([key], !this.selection.has(key));
  }

  clearSelection(): void {
    this.selection.clear();
    this.bulkPicked.clear();
    this.emit('selection');
  }

  selectedPhotos(): Photo[] {
    return [...this.selection].map((k) => this.photos.get(k)).filter((p): p is Photo => p !== undefined);
  }
}
