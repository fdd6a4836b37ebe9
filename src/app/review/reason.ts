// One line that says why a photo got its verdict, in words a person uses. It reads the
// region map: a photo whose sharp cells are few but present is a portrait or macro with a
// soft background (kept on purpose), not a failed shot.
import type { Analysis, BlurType, RegionMap, Verdict } from '../../core/types.ts';

/** A region cell at or above this sharpness counts as sharp in the explanation. */
const SHARP_CELL = 0.5;

export function sharpShare(regions: RegionMap): number {
  const cells = regions.sharpness;
  if (cells.length === 0) return 0;
  return cells.filter((s) => s >= SHARP_CELL).length / cells.length;
}

function coverage(blurryShare: number): string {
  if (blurryShare >= 0.95) return 'across the whole frame';
  if (blurryShare >= 0.7) return 'over most of the frame';
  if (blurryShare >= 0.4) return 'over much of the frame';
  return 'in parts of the frame';
}

const TYPE_WORDS: Record<BlurType, string> = {
  motion: 'Motion blur',
  defocus: 'Out of focus',
  gaussian: 'Soft, smeared detail',
};

export const TYPE_LABELS: Record<BlurType, string> = {
  motion: 'motion blur',
  defocus: 'out of focus',
  gaussian: 'soft / smeared',
};

/** The blur type to show: the core's, or — when the slider made a sharp photo blurry — the likeliest one. */
export function shownBlurType(analysis: Analysis, verdict: Verdict): BlurType | null {
  if (verdict === 'sharp') return null;
  if (analysis.blurType) return analysis.blurType;
  const t = analysis.typeProbabilities;
  if (!t) return null;
  return (Object.keys(t) as BlurType[]).reduce((a, b) => (t[b] > t[a] ? b : a));
}

export function explain(analysis: Analysis, verdict: Verdict): string {
  const share = sharpShare(analysis.regions);
  const type = shownBlurType(analysis, verdict);
  if (verdict === 'blurry') {
    const what = type ? TYPE_WORDS[type] : 'Blurry';
    if (share === 0) return `${what} — nothing in the frame is sharp`;
    return `${what} ${coverage(1 - share)}`;
  }
  if (verdict === 'uncertain') {
    const hint = type ? `, ${TYPE_LABELS[type]}?` : '';
    if (share > 0 && share < 0.45) return `Borderline: only a small part is sharp${hint} — worth a look`;
    return `Borderline: slightly soft${hint} — worth a look`;
  }
  if (share >= 0.75) return 'Sharp across the frame — kept';
  if (share > 0) return 'Soft background, sharp subject — kept';
  return 'Sharp overall, low detail — kept';
}
