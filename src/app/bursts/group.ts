// Bursts: shots taken within a few seconds of each other that show the same scene. Time alone
// would join a street scene and the portrait taken right after it; the hash alone would join
// two visits to the same view a year apart. Both must agree.
import { hammingDistance } from './dhash.ts';

export interface BurstCandidate {
  key: string;
  /** Capture time in ms (EXIF, else the file's date). */
  time: number;
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
function betterShot(a: BurstCandidate, b: BurstCandidate): BurstCandidate {
  const flaws = (c: BurstCandidate) => (c.eyesClosed ? 2 : 0) + (c.faceSoft ? 1 : 0);
  if (flaws(a) !== flaws(b)) return flaws(b) < flaws(a) ? b : a;
  return b.probability < a.probability || (b.probability === a.probability && b.size > a.size) ? b : a;
}

export interface Burst {
  keys: string[];
  best: string;
}

export interface BurstOptions {
  /** Largest gap between consecutive shots of one burst. Phones shoot bursts at 3-10 fps; people re-take a shot within a few seconds. */
  maxGapMs: number;
  /** Largest dHash distance (of 64 bits) to a member of the group. ~10 tolerates blur, small reframing and exposure changes. */
  maxDistance: number;
}

export const DEFAULT_BURST_OPTIONS: BurstOptions = { maxGapMs: 4000, maxDistance: 12 };

export function groupBursts(items: readonly BurstCandidate[], options: BurstOptions = DEFAULT_BURST_OPTIONS): Burst[] {
  const sorted = [...items].sort((a, b) => a.time - b.time || a.key.localeCompare(b.key));
  const groups: BurstCandidate[][] = [];
  let current: BurstCandidate[] = [];
  for (const item of sorted) {
    const last = current[current.length - 1];
    const joins =
      last !== undefined &&
      item.time - last.time <= options.maxGapMs &&
      current.some((member) => hammingDistance(member.hash, item.hash) <= options.maxDistance);
    if (joins) current.push(item);
    else {
      if (current.length > 1) groups.push(current);
      current = [item];
    }
  }
  if (current.length > 1) groups.push(current);
  return groups.map((members) => ({
    keys: members.map((m) => m.key),
    best: members.reduce(betterShot).key,
  }));
}
