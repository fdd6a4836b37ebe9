import { describe, expect, it } from 'vitest';
import type { EvalRow } from '../stages/evaluate.ts';
import { fusedByKind } from './report.ts';

const row = (label: EvalRow['label'], kind: string, strength: number | null, probability: number, likeliest: 'defocus' | 'motion' | 'gaussian' | null, bokeh = false): EvalRow => {
  const typeProbabilities = likeliest ? { defocus: 0.1, motion: 0.1, gaussian: 0.1, [likeliest]: 0.8 } : null;
  const output = { probability, typeProbabilities };
  return {
    file: `${label}/${kind}.jpg`, label, category: 'test', kind, strength, bokeh, featuresMs: 0, modelMs: 0,
    outputs: { fused: output, features: output, cnn: output, 'laplacian-100': output, 'whole-image-cnn': output },
  };
};

describe('fused detector per kind of blur', () => {
  it('groups blurred photos by kind and strength band and sharp ones by bokeh', () => {
    const kinds = fusedByKind([
      row('defocus', 'defocus', 0.1, 0.9, 'defocus'),
      row('defocus', 'defocus', 0.9, 0.9, 'defocus'),
      row('sharp', 'none', null, 0.1, 'defocus'),
      row('sharp', 'none', null, 0.1, 'defocus', true),
    ]);
    expect(kinds.map((k) => k.kind)).toEqual(['defocus, heavy', 'defocus, mild', 'sharp', 'sharp, bokeh']);
  });

  it('counts flags and named types apart: a missed photo can still have its type named right', () => {
    const [mild] = fusedByKind([
      row('gaussian', 'gaussian', 0.2, 0.9, 'gaussian'), // flagged, type right
      row('gaussian', 'gaussian', 0.2, 0.9, 'defocus'), // flagged, type wrong
      row('gaussian', 'gaussian', 0.2, 0.2, 'gaussian'), // missed, type right
    ]);
    expect(mild).toEqual({ kind: 'gaussian, mild', n: 3, right: 2, typeRight: 2 });
  });

  it('gives sharp photos no type count', () => {
    const [sharp] = fusedByKind([row('sharp', 'none', null, 0.7, 'motion')]);
    expect(sharp).toEqual({ kind: 'sharp', n: 1, right: 0 });
  });
});
