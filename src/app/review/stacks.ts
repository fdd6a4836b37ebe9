// How the grid lays out bursts and similar groups: one stack per group, where its first member
// would sit in the chosen order (blurriest first puts a group with a blurry shot near the top,
// where a clean-up starts), with the best shot on top and the others behind it in capture
// order. Pure, so the rule is testable apart from the DOM.

export interface StackInput {
  key: string;
  /** Capture time (ms), for the order behind the top shot. */
  time: number;
  /** Blur probability; null when the photo has none (error). */
  probability: number | null;
  group?: { id: string; best: boolean };
}

export interface Stack {
  /** The photo shown: the group's best when the filter shows it, else the sharpest one shown. */
  top: string;
  /** The group's other photos that pass the filter, in capture order. */
  rest: string[];
  groupId: string | null;
}

/** `visible` in display order (filtered and sorted); returns the stacks in display order. */
export function stackPhotos(visible: readonly StackInput[]): Stack[] {
  const members = new Map<string, StackInput[]>();
  for (const photo of visible) {
    if (!photo.group) continue;
    const list = members.get(photo.group.id);
    if (list) list.push(photo);
    else members.set(photo.group.id, [photo]);
  }
  const stacks: Stack[] = [];
  const placed = new Set<string>();
  for (const photo of visible) {
    if (!photo.group) {
      stacks.push({ top: photo.key, rest: [], groupId: null });
      continue;
    }
    const id = photo.group.id;
    if (placed.has(id)) continue;
    placed.add(id);
    const group = members.get(id)!;
    const top =
      group.find((m) => m.group!.best) ??
      group.reduce((a, b) => ((b.probability ?? Infinity) < (a.probability ?? Infinity) ? b : a));
    const rest = group.filter((m) => m !== top).sort((a, b) => a.time - b.time || a.key.localeCompare(b.key));
    stacks.push({ top: top.key, rest: rest.map((m) => m.key), groupId: id });
  }
  return stacks;
}
