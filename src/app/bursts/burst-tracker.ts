// Keeps the store's burst groups up to date as results arrive. Grouping is a sort and a walk,
// cheap once but not 5,000 times, so during a scan it runs at most every 250 ms; once nothing
// is pending it runs right away, so the final groups are there as soon as the scan is.
import type { BurstMembership, PhotoStore } from '../state/store.ts';
import { photoTime } from '../state/photo.ts';
import { groupBursts, type BurstCandidate } from './group.ts';
import { eyesClosed, subjectCause } from '../../core/face/subject-focus.ts';

export function trackBursts(store: PhotoStore): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSignature = '';
  const regroup = () => {
    timer = null;
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
    groupBursts(candidates).forEach((burst, id) => {
      for (const key of burst.keys) membership.set(key, { id: id + 1, size: burst.keys.length, best: key === burst.best });
    });
    const signature = [...membership].map(([k, m]) => `${k}:${m.id}:${m.best}`).join(',');
    if (signature !== lastSignature) {
      lastSignature = signature;
      store.setBursts(membership);
    }
  };
  store.subscribe((kind) => {
    if (kind !== 'photos') return;
    const scanning = [...store.photos.values()].some((p) => p.outcome.kind === 'pending');
    if (!scanning) {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      regroup();
    } else if (timer === null) timer = setTimeout(regroup, 250);
  });
}

/** "Keep the best, select the rest": every burst member that is not its group's best shot. */
export function burstRest(store: PhotoStore): string[] {
  return [...store.bursts].filter(([, m]) => !m.best).map(([key]) => key);
}
