import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../core/types.ts';
import { verdictThresholds } from '../../core/fusion/verdict.ts';
import { PhotoStore } from './store.ts';
import type { Photo } from './photo.ts';

function photo(name: string, outcome: Photo['outcome'], over: Partial<Photo> = {}): Photo {
  return {
    key: name, name, folder: '', size: 100, lastModified: 0, type: 'image/jpeg', takenAt: null,
    outcome, thumbnail: null, hash: null, location: 'original', source: null, ...over,
  };
}

const analysis = (probability: number, blurType: Analysis['blurType'] = null): Analysis => ({
  detector: 'fused', probability, verdict: 'sharp', blurType,
  typeProbabilities: blurType === 'motion' ? { motion: 0.7, defocus: 0.2, gaussian: 0.1 } : { motion: 0.2, defocus: 0.7, gaussian: 0.1 },
  regions: { cols: 1, rows: 1, sharpness: [1] }, features: {}, width: 1, height: 1, sourceWidth: 1, sourceHeight: 1,
});

function store(): PhotoStore {
  const s = new PhotoStore(verdictThresholds());
  s.put([
    photo('sharp.jpg', { kind: 'done', analysis: analysis(0.05) }),
    photo('soft.jpg', { kind: 'done', analysis: analysis(0.5) }),
    photo('blurry.jpg', { kind: 'done', analysis: analysis(0.9, 'motion') }),
    photo('broken.jpg', { kind: 'error', message: 'not an image' }),
    photo('waiting.jpg', { kind: 'pending' }),
  ]);
  return s;
}

describe('PhotoStore', () => {
  it('counts verdicts from stored probabilities, errors and pending apart', () => {
    expect(store().counts()).toMatchObject({ total: 5, done: 4, pending: 1, sharp: 1, uncertain: 1, blurry: 1, error: 1, motion: 1, 'out-of-focus': 1 });
  });

  it('re-classifies when the sensitivity moves, and tells subscribers', () => {
    const s = store();
    const seen: string[] = [];
    s.subscribe((kind) => seen.push(kind));
    s.setSensitivity(100);
    expect(s.counts()).toMatchObject({ blurry: 2, uncertain: 0, sharp: 1 });
    // A photo made blurry by the slider gets the likelier cause.
    expect(s.shown(s.photos.get('soft.jpg')!)).toEqual({ verdict: 'blurry', cause: 'out-of-focus', subject: null, eyesClosed: false });
    expect(seen).toEqual(['view']);
  });

  it('filters and sorts blurriest first, errors and pending last', () => {
    const s = store();
    expect(s.visible().map((p) => p.name)).toEqual(['blurry.jpg', 'soft.jpg', 'sharp.jpg', 'broken.jpg', 'waiting.jpg']);
    s.setFilter({ verdict: 'error' });
    expect(s.visible().map((p) => p.name)).toEqual(['broken.jpg']);
    s.setFilter({ verdict: 'all', cause: 'motion' });
    expect(s.visible().map((p) => p.name)).toEqual(['blurry.jpg']);
    s.setFilter({ cause: 'any' });
    s.setSort('sharpest');
    expect(s.visible()[0].name).toBe('sharp.jpg');
  });

  it('keeps a selection of known photos only, and drops removed ones from it', () => {
    const s = store();
    s.select(['blurry.jpg', 'nope.jpg']);
    s.toggle('soft.jpg');
    expect([...s.selection].sort()).toEqual(['blurry.jpg', 'soft.jpg']);
    s.remove(['blurry.jpg']);
    expect([...s.selection]).toEqual(['soft.jpg']);
    expect(s.selectedPhotos().map((p) => p.name)).toEqual(['soft.jpg']);
  });

  it('lets the faces have their say at every sensitivity, and filters by them', () => {
    const s = store();
    const withFace = (sharpness: number, backgroundSharp: boolean, eyesClosed = false): Analysis => ({
      ...analysis(sharpness > 0.5 ? 0.95 : 0.05, 'defocus'),
      subject: { faces: [{ box: { x: 0, y: 0, width: 200, height: 200 }, score: 0.9, sharpness, eyeAspect: 0.3, eyesClosed }], deciding: 0, decidingReason: 'only', backgroundSharp },
    });
    s.put([
      photo('portrait.jpg', { kind: 'done', analysis: withFace(0.9, false) }),
      photo('missed.jpg', { kind: 'done', analysis: withFace(0.05, true) }),
      photo('blink.jpg', { kind: 'done', analysis: withFace(0.9, false, true) }),
    ]);
    for (const sensitivity of [0, 50, 100]) {
      s.setSensitivity(sensitivity);
      expect(s.shown(s.photos.get('portrait.jpg')!)).toMatchObject({ verdict: 'sharp', subject: 'face-sharp' });
      expect(s.shown(s.photos.get('missed.jpg')!)).toMatchObject({ verdict: 'blurry', subject: 'focus-missed' });
    }
    s.setFilter({ people: 'focus-missed' });
    expect(s.visible().map((p) => p.name)).toEqual(['missed.jpg']);
    s.setFilter({ people: 'eyes-closed' });
    expect(s.visible().map((p) => p.name)).toEqual(['blink.jpg']);
    expect(s.counts()).toMatchObject({ focusMissed: 1, eyesClosed: 1 });
  });

  it('a bulk selection never takes the best shot of a group; by hand it can', () => {
    const s = store();
    s.setBursts(new Map([
      ['blurry.jpg', { id: 'g', kind: 'burst', size: 2, best: false }],
      ['soft.jpg', { id: 'g', kind: 'burst', size: 2, best: true }],
    ]));
    expect(s.selectInBulk(['blurry.jpg', 'soft.jpg', 'sharp.jpg'])).toEqual({ selected: 2, spared: 1 });
    expect([...s.selection].sort()).toEqual(['blurry.jpg', 'sharp.jpg']);
    s.toggle('soft.jpg');
    expect(s.selection.has('soft.jpg')).toBe(true);
  });

  it('drops a bulk-selected photo that becomes a group\'s best while the scan goes on, but not one picked by hand', () => {
    const s = store();
    s.selectInBulk(['blurry.jpg']);
    s.select(['soft.jpg']);
    const seen: string[] = [];
    s.subscribe((kind) => seen.push(kind));
    s.setBursts(new Map([
      ['blurry.jpg', { id: 'g', kind: 'similar', size: 2, best: true }],
      ['broken.jpg', { id: 'g', kind: 'similar', size: 2, best: false }],
      ['soft.jpg', { id: 'h', kind: 'burst', size: 2, best: true }],
      ['sharp.jpg', { id: 'h', kind: 'burst', size: 2, best: false }],
    ]));
    expect([...s.selection]).toEqual(['soft.jpg']);
    expect(seen).toEqual(['bursts', 'selection']);
  });
});
