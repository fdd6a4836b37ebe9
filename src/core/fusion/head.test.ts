import { describe, expect, it } from 'vitest';
import { blurLogit, fuseScores } from './head.ts';
import { toyHead } from '../../test-support/toy-head.ts';

describe('fuseScores', () => {
  it('is monotone: more sharpness evidence never raises P(blurry)', () => {
    const names = ['cnnSharpTop3', 'tileSharpP90', 'edgeWidthMean'];
    const head = toyHead(names, [-1.5, -0.7, 0.9], 0.2);
    head.calibration = { scale: 1.7, offset: -0.3 };
    for (const feature of ['cnnSharpTop3', 'tileSharpP90']) {
      let previous = Infinity;
      for (let v = -1; v <= 3; v += 0.05) {
        const p = fuseScores(head, { cnnSharpTop3: 0.4, tileSharpP90: 0.5, edgeWidthMean: 0.6, [feature]: v }).probability;
        expect(p).toBeLessThanOrEqual(previous);
        previous = p;
      }
      // ...and strictly so inside the clip range.
      const low = fuseScores(head, { cnnSharpTop3: 0.4, tileSharpP90: 0.5, edgeWidthMean: 0.6, [feature]: 0.2 }).probability;
      const high = fuseScores(head, { cnnSharpTop3: 0.4, tileSharpP90: 0.5, edgeWidthMean: 0.6, [feature]: 0.8 }).probability;
      expect(high).toBeLessThan(low);
    }
  });

  it('treats a missing feature as its training mean and returns a type distribution', () => {
    const head = toyHead(['a', 'b'], [1, -1]);
    const withMean = fuseScores(head, { a: 0.5, b: 0.9 });
    const missing = fuseScores(head, { b: 0.9 });
    expect(missing.probability).toBeCloseTo(withMean.probability, 12);
    const t = missing.typeProbabilities;
    expect(t.defocus + t.motion + t.gaussian).toBeCloseTo(1, 12);
    expect(t.motion).toBeGreaterThan(t.defocus); // bias favours motion in the toy head
  });

  it('reads the blur type through the hidden layer when there is one, and leaves P(blurry) alone', () => {
    // One tanh unit that fires on 'notch' only where 'aniso' is low: defocus, a question no
    // single linear layer over the two features answers the same way.
    const head = toyHead(['notch', 'aniso'], [0, 1]);
    head.typeHidden = { weights: [[4, -4]], bias: [-4] };
    head.type = { weights: [[3], [-3], [0]], bias: [0, 0, 0] };
    const isotropicNotch = { notch: 1, aniso: 0.25 };
    const streakedNotch = { notch: 1, aniso: 1 };
    expect(fuseScores(head, isotropicNotch).typeProbabilities.defocus).toBeGreaterThan(0.9);
    expect(fuseScores(head, streakedNotch).typeProbabilities.motion).toBeGreaterThan(0.9);
    const linear = { ...head, typeHidden: undefined };
    expect(fuseScores(head, isotropicNotch).probability).toBe(fuseScores(linear, isotropicNotch).probability);
  });

  it('reads P(blurry) through the blur hidden layer when there is one, the same in blurLogit', () => {
    // One tanh unit that says "blurred" only where both measures are low: an AND no single linear
    // layer over the two features gives.
    const head = toyHead(['sharpA', 'sharpB'], [0, 0]);
    head.blurHidden = { weights: [[-1, -1]], bias: [-1] };
    head.blur = { weights: [[5]], bias: [0] };
    const both = { sharpA: 0, sharpB: 0 }; // z = -2, -2
    const one = { sharpA: 0, sharpB: 1 }; // z = -2, 2
    expect(fuseScores(head, both).probability).toBeGreaterThan(0.95);
    expect(fuseScores(head, one).probability).toBeLessThan(0.05);
    const z = blurLogit(head, both);
    expect(fuseScores(head, both).probability).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
    expect(fuseScores({ ...head, blurHidden: undefined }, both).probability).not.toBeCloseTo(fuseScores(head, both).probability, 3);
  });
});
