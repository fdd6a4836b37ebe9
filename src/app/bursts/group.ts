// Groups of shots of one moment, so a clean-up keeps the best of each. Two rules:
// - a burst: shots taken within a few seconds of each other that show the same scene. Time
//   alone would join a street scene and the portrait taken right after it; the hash alone would
//   join two visits to the same view a year apart. Both must agree.
// - similar: near-duplicates of one scene taken further apart (a re-take a minute later, the
//   same view tried again within the hour). Time says little here, so the hash must say more:
//   both halves of it (dhash.ts) must be close, not the horizontal one alone.
// The rules are pure and order-independent: the same photos always give the same groups, however
// the scan happened to deliver them, so labels never depend on arrival order.
import { hashWords, wordsDistance } from './dhash.ts';

export interface BurstCandidate {
  key: string;
  /** Capture time in ms (EXIF, else the file's date). */
  time: number;
  /** The photo hash (dhash.ts): 32 hex digits, or 16 for results stored before the vertical half. */
  hash: string;
  /** Blur probability; the lowest in a group is its best shot. */
  probability: number;
  size: number;
  /** The person's eyes are closed, or focus missed the face: any shot without that beats one
   * with it, whatever the frame's probability says (src/core/face). */
  eyesClosed?: boolean;
  faceSoft?: boolean;
}

/** Worse shots sort later: closed eyes, then a soft face, then blur, then the smaller file. */
function betterShot<T extends BurstCandidate>(a: T, b: T): T {
  const flaws = (c: BurstCandidate) => (c.eyesClosed ? 2 : 0) + (c.faceSoft ? 1 : 0);
  if (flaws(a) !== flaws(b)) return flaws(b) < flaws(a) ? b : a;
  return b.probability < a.probability || (b.probability === a.probability && b.size > a.size) ? b : a;
}

export type GroupKind = 'burst' | 'similar';

export interface PhotoGroup {
  /** The key of the group's earliest shot: stays the same as later shots join. */
  id: string;
  kind: GroupKind;
  /** Members in capture order. */
  keys: string[];
  best: string;
}

export interface GroupOptions {
  /** Largest gap between consecutive shots of one burst. Phones shoot bursts at 3-10 fps; people re-take a shot within a few seconds. */
  burstGapMs: number;
  /** Largest dHash distance (of 64 bits) to a member of the burst. ~10 tolerates blur, small reframing and exposure changes. */
  burstDistance: number;
  /** Largest time between two shots for them to count as similar. Bounds the pairs compared, and a view revisited another day is a new photo. */
  similarWindowMs: number;
  /**
   * Largest distance (of 128 bits, both halves) between two similar shots. Measured on 591
   * distinct real scenes (shared/data/sharp-photos-2), all treated as taken within the window, the
   * worst case (src/cli/measure-similar-groups.ts): at 12 bits 2 photos of 591 (0.3%, one pair)
   * land in a group with a different scene; at 16 bits 12 (2.0%), at 20 bits 27 (4.6%). The same
   * scenes stay within 12 bits when blurred (defocus 98-100%, shake 100%), 25% brighter (96%),
   * re-framed by 3% of the width (90%); re-framed by 6%, 43%: "similar" means a near-identical
   * re-take, not the same subject framed anew.
   */
  similarDistance: number;
  /**
   * The same for results stored with only the horizontal half (64 bits), which tells scenes apart
   * less well: at 4 bits 4 photos of 591 (0.7%) in false groups, at 5 bits 17 (2.9%); the same
   * scenes blurred stay within 4 bits 87-99%, re-framed by 3% only 53%.
   */
  similarDistanceShort: number;
}

export const DEFAULT_GROUP_OPTIONS: GroupOptions = { burstGapMs: 4000, burstDistance: 12, similarWindowMs: 60 * 60_000, similarDistance: 12, similarDistanceShort: 4 };

interface Item extends BurstCandidate {
  words: number[];
}

export function groupPhotos(candidates: readonly BurstCandidate[], options: GroupOptions = DEFAULT_GROUP_OPTIONS): PhotoGroup[] {
  const items: Item[] = candidates
    .map((c) => ({ ...c, words: hashWords(c.hash) }))
    .sort((a, b) => a.time - b.time || a.key.localeCompare(b.key));
  // Union-find over photos: bursts first, then similar pairs join whole units.
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const burstOf = new Int32Array(items.length);
  let burstStart = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let joins = false;
    if (i > 0 && item.time - items[i - 1].time <= options.burstGapMs) {
      // Bursts look at the horizontal half only: seconds apart, time already says most.
      for (let m = burstStart; m < i && !joins; m++) joins = wordsDistance(items[m].words, item.words) <= options.burstDistance;
    }
    if (joins) union(burstStart, i);
    else burstStart = i;
    burstOf[i] = burstStart;
  }

  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length && items[j].time - items[i].time <= options.similarWindowMs; j++) {
      if (burstOf[j] === burstOf[i]) continue;
      const both = items[i].words.length === 4 && items[j].words.length === 4;
      const distance = wordsDistance(items[i].words, items[j].words, both ? 4 : 2);
      if (distance <= (both ? options.similarDistance : options.similarDistanceShort)) union(i, j);
    }
  }

  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < items.length; i++) {
    const root = find(i);
    const members = byRoot.get(root);
    if (members) members.push(i);
    else byRoot.set(root, [i]);
  }
  const groups: PhotoGroup[] = [];
  for (const indexes of byRoot.values()) {
    if (indexes.length < 2) continue;
    const members = indexes.map((i) => items[i]);
    const oneBurst = indexes.every((i) => burstOf[i] === burstOf[indexes[0]]);
    groups.push({ id: members[0].key, kind: oneBurst ? 'burst' : 'similar', keys: members.map((m) => m.key), best: members.reduce(betterShot).key });
  }
  // Map order is first-member order, and items are in capture order: groups come out oldest first.
  return groups;
}
