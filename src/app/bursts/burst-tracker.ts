// Keeps the store's burst and similar groups up to date as results arrive. Grouping compares
// pairs within the similar window, cheap once but not 5,000 times, so during a scan it runs at
// most every 250 ms (longer when a run takes long); once nothing is pending it runs right away,
// so the final groups are there as soon as the scan is. Every run regroups all photos from
// scratch, so a group's size and best are the same on all its members at every moment.
import type { BurstMembership, PhotoStore } from '../state/store.ts';
import { photoTime } from '../state/photo.ts';
import { groupPhotos, type BurstCandidate } from './group.ts';
import { eyesClosed, subjectCause } from '../../core/face/subject-focus.ts';

const MIN_INTERVAL_MS = 250;

export function trackBursts(store: PhotoStore): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let interval = MIN_INTERVAL_MS;
  let lastSignature = '';
  const regroup = () => {
    timer = null;
    const started = performance.now();
    const candidates: BurstCandidate[] = [];
    for (const p of store.photos.values()) {
      if (p.outcome.kind !== 'done' || !p.hash || p.location !== 'original') continue;
      const { analysis } = p.outcome;
      const cause = subjectCause(analysis.subject);
      candidates.push({
        key: p.key, time: photoTime(p), hash: p.hash, probability: analysis.probability, size: p.size,
        eyesClosed: eyesClosed(analysis.subject), faceSoft: cause === 'focus-missed' || cause === 'face-soft',
      });
    }
    const membership = new Map<string, BurstMembership>();
    for (const group of groupPhotos(candidates)) {
      for (const key of group.keys) membership.set(key, { id: group.id, kind: group.kind, size: group.keys.length, best: key === group.best });
    }
    const signature = [...membership].map(([k, m]) => `${k}:${m.id}:${m.kind}:${m.size}:${m.best}`).join(',');
    if (signature !== lastSignature) {
      lastSignature = signature;
      store.setBursts(membership);
    }
    // Never spend more than a fifth of the main thread on grouping while a scan runs.
    interval = Math.max(MIN_INTERVAL_MS, (performance.now() - started) * 4);
  };
  store.subscribe((kind) => {
    if (kind !== 'photos') return;
    const scanning = [...store.photos.values()].some((p) => p.outcome.kind === 'pending' && p.source);
    if (!scanning) {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      regroup();
    } else if (timer === null) timer = setTimeout(regroup, interval);
  });
}

/** Every photo in a burst or similar group; a bulk selection of these keeps each group's best. */
export function groupedKeys(store: PhotoStore): string[] {
  return [...store.bursts.keys()];
}
