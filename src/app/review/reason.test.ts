import { describe, expect, it } from 'vitest';
import type { Analysis, Verdict } from '../../core/types.ts';
import { cellKind, explain, regionShares, sharpShare } from './reason.ts';

function analysis(sharpness: number[], over: Partial<Analysis> = {}): Analysis {
  return {
    detector: 'fused',
    probability: 0.9,
    verdict: 'blurry',
    blurType: 'motion',
    typeProbabilities: { motion: 0.7, defocus: 0.2, gaussian: 0.1 },
    regions: { cols: sharpness.length, rows: 1, sharpness },
    features: {},
    width: 100,
    height: 100,
    sourceWidth: 100,
    sourceHeight: 100,
    ...over,
  };
}

describe('explain', () => {
  it('names the cause (motion or out of focus) and how much of the frame it covers', () => {
    expect(explain(analysis([0.1, 0.1, 0.1, 0.9]), 'blurry')).toBe('Motion blur over most of the frame');
    expect(explain(analysis([0.1, 0.1, 0.9, 0.9]), 'blurry')).toBe('Motion blur over much of the frame');
    expect(explain(analysis([0.1, 0.9, 0.9, 0.9]), 'blurry')).toBe('Motion blur, though parts look sharp');
    expect(explain(analysis([0, 0, 0, 0], { blurType: 'defocus', typeProbabilities: { motion: 0.1, defocus: 0.8, gaussian: 0.1 } }), 'blurry')).toBe('Out of focus — nothing in the frame is sharp');
  });

  it('leaves cells it cannot judge (flat, 0.5) out of the coverage', () => {
    // Two blurry cells, one sharp, five flat: most of what can be judged is blurry. Gaussian
    // softness is told as out of focus: to a person it is the same cause.
    expect(explain(analysis([0.1, 0.1, 0.9, 0.5, 0.5, 0.5, 0.5, 0.5], { blurType: 'gaussian', typeProbabilities: { motion: 0.1, defocus: 0.2, gaussian: 0.7 } }), 'blurry')).toBe('Out of focus over much of the frame');
  });

  it('keeps a sharp subject on a soft background', () => {
    const portrait = analysis([0.1, 0.1, 0.9, 0.1, 0.1], { verdict: 'sharp', blurType: null, probability: 0.1 });
    expect(explain(portrait, 'sharp')).toBe('Soft background, sharp subject — kept');
    // Few sharp cells at the edge of a soft middle is not a portrait: no bokeh claim.
    const edgeDetail = analysis([0.9, 0.1, 0.1, 0.1, 0.1], { verdict: 'sharp', blurType: null, probability: 0.1 });
    expect(explain(edgeDetail, 'sharp')).toBe('Sharp in parts, the rest soft or smooth — kept');
    expect(explain(analysis([0.9, 0.8, 0.9, 0.7], { blurType: null }), 'sharp')).toBe('Sharp across the frame — kept');
    expect(explain(analysis([0.9, 0.8, 0.1, 0.7, 0.2], { blurType: null }), 'sharp')).toBe('Sharp, with some smooth or soft areas — kept');
    expect(explain(analysis([0.5, 0.5], { blurType: null }), 'sharp')).toBe('Sharp overall, little detail to judge — kept');
  });

  it('asks for a look when uncertain', () => {
    expect(explain(analysis([0.3, 0.7, 0.7, 0.7]), 'uncertain')).toMatch(/^Borderline.*motion blur\?.*worth a look$/);
  });

  it('uses the verdict it is given, not the stored one (the slider may differ)', () => {
    const a = analysis([0.9, 0.9, 0.9, 0.9], { verdict: 'sharp', blurType: null });
    const verdicts: Verdict[] = ['sharp', 'uncertain', 'blurry'];
    const lines = verdicts.map((v) => explain(a, v));
    expect(new Set(lines).size).toBe(3);
  });
});

describe('region shares', () => {
  it('splits cells into sharp (>= 0.6), blurry (< 0.4) and unknown', () => {
    const shares = regionShares({ cols: 2, rows: 2, sharpness: [0.6, 0.39, 0.5, 0.45] });
    expect(shares).toEqual({ sharp: 0.25, blurry: 0.25, measurable: 0.5 });
    expect(sharpShare({ cols: 2, rows: 2, sharpness: [0.6, 0.39, 0.5, 0.45] })).toBe(0.5);
    expect(sharpShare({ cols: 0, rows: 0, sharpness: [] })).toBe(0);
  });

  it('reads each cell as sharp, blurry or too plain to judge, with the same cuts (the map uses them)', () => {
    expect([0.95, 0.6, 0.59, 0.5, 0.4, 0.39, 0].map(cellKind)).toEqual(['sharp', 'sharp', 'plain', 'plain', 'plain', 'blurry', 'blurry']);
  });
});
