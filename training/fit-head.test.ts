import { describe, expect, it } from 'vitest';
import { fuseScores } from '../src/core/fusion/head.ts';
import type { PatchClass } from '../src/core/types.ts';
import { calibrateHead, fitHead, type HeadExample } from './fit-head.ts';

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

/** Photos where 'sharpness' separates blurry from sharp and 'streak' marks motion among the blurred. */
function synthetic(n: number, seed: number, sharpShare = 0.7): HeadExample[] {
  const r = lcg(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
  return Array.from({ length: n }, () => {
    const blurry = r() > sharpShare;
    const label: PatchClass = !blurry ? 'sharp' : r() < 0.5 ? 'motion' : r() < 0.9 ? 'defocus' : 'gaussian';
    return {
      label,
      features: {
        sharpness: (blurry ? -1 : 1) + gauss(),
        streak: (label === 'motion' ? 2 : 0) + gauss() * 0.5,
        round: (label === 'defocus' ? 2 : 0) + gauss() * 0.5,
        soft: (label === 'gaussian' ? 2 : 0) + gauss() * 0.5,
        noise: gauss(),
      },
    };
  });
}

describe('fitHead', () => {
  const names = ['sharpness', 'streak', 'round', 'soft', 'noise'];

  it('learns which features matter and names the blur type, rare class included', () => {
    const head = fitHead(synthetic(1500, 1), { detector: 'test', featureNames: names, iterations: 600 });
    const [wSharp, , , , wNoise] = head.blur.weights[0]!;
    expect(wSharp).toBeLessThan(-1);
    expect(Math.abs(wNoise!)).toBeLessThan(0.3);
    const test = synthetic(600, 2);
    const correctType = test.filter((e) => e.label !== 'sharp').filter((e) => {
      const t = fuseScores(head, e.features).typeProbabilities;
      const best = (Object.keys(t) as (keyof typeof t)[]).reduce((a, b) => (t[b] > t[a] ? b : a));
      return best === e.label;
    });
    const gaussian = test.filter((e) => e.label === 'gaussian');
    const gaussianRight = gaussian.filter((e) => {
      const t = fuseScores(head, e.features).typeProbabilities;
      return t.gaussian > t.motion && t.gaussian > t.defocus;
    });
    expect(correctType.length / test.filter((e) => e.label !== 'sharp').length).toBeGreaterThan(0.85);
    expect(gaussianRight.length / gaussian.length).toBeGreaterThan(0.7);
  });

  it('with blurHiddenUnits, learns a blur rule no line draws', () => {
    // Blurred exactly when the two measures disagree (an exclusive or): a logistic layer can do no
    // better than a coin here, one hidden layer can.
    const r = lcg(9);
    const make = (n: number): HeadExample[] =>
      Array.from({ length: n }, () => {
        const a = r() < 0.5 ? -1 : 1;
        const b = r() < 0.5 ? -1 : 1;
        return { label: a === b ? 'sharp' : 'defocus', features: { a: a + (r() - 0.5) * 0.8, b: b + (r() - 0.5) * 0.8 } };
      });
    const train = make(600);
    const test = make(400);
    const accuracy = (head: ReturnType<typeof fitHead>) =>
      test.filter((e) => (fuseScores(head, e.features).probability >= 0.5) === (e.label !== 'sharp')).length / test.length;
    const linear = fitHead(train, { detector: 'test', featureNames: ['a', 'b'], iterations: 600 });
    const net = fitHead(train, { detector: 'test', featureNames: ['a', 'b'], iterations: 600, blurHiddenUnits: 4, typeNets: 1 });
    expect(linear.blurHidden).toBeUndefined();
    expect(net.blurHidden?.weights).toHaveLength(4);
    expect(net.blur.weights[0]).toHaveLength(4);
    expect(accuracy(linear)).toBeLessThan(0.7);
    expect(accuracy(net)).toBeGreaterThan(0.95);
  });

  it('learns the type layer from extra blurred examples', () => {
    // Few photos and no gaussian among them: the type layer cannot know the rare kind.
    const few = synthetic(200, 4).filter((e) => e.label !== 'gaussian');
    const extra = synthetic(600, 5, 0).filter((e) => e.label === 'gaussian' || e.label === 'defocus');
    const alone = fitHead(few, { detector: 'test', featureNames: names, iterations: 400 });
    const helped = fitHead(few, { detector: 'test', featureNames: names, iterations: 400, typeExamples: extra });
    const gaussian = synthetic(600, 6, 0).filter((e) => e.label === 'gaussian');
    const named = (head: typeof alone) => gaussian.filter((e) => { const t = fuseScores(head, e.features).typeProbabilities; return t.gaussian > t.defocus && t.gaussian > t.motion; }).length / gaussian.length;
    expect(named(alone)).toBeLessThan(0.2);
    expect(named(helped)).toBeGreaterThan(0.8);
    // Standardisation comes from the photos alone.
    expect(helped.mean).toEqual(alone.mean);
  });

  it('flags a blur kind the photos lack once the extra blurred examples show it', () => {
    // The photos' blurred ones are all defocus. Motion here looks sharp to 'sharpness' and only
    // 'streak' gives it away, so a blur layer fitted on the photos alone lets it through.
    const asSharpLooking = (e: HeadExample): HeadExample => ({ ...e, features: { ...e.features, sharpness: e.features.sharpness! + 2 } });
    const photos = synthetic(400, 8).filter((e) => e.label === 'sharp' || e.label === 'defocus');
    const extra = synthetic(300, 9, 0).filter((e) => e.label === 'motion').map(asSharpLooking);
    const alone = fitHead(photos, { detector: 'test', featureNames: names, iterations: 400 });
    const helped = fitHead(photos, { detector: 'test', featureNames: names, iterations: 400, typeExamples: extra });
    const motion = synthetic(300, 10, 0).filter((e) => e.label === 'motion').map(asSharpLooking);
    const sharp = synthetic(300, 10, 1);
    const flagged = (head: typeof alone, test: HeadExample[]) => test.filter((e) => fuseScores(head, e.features).probability > 0.5).length / test.length;
    expect(flagged(alone, motion)).toBeLessThan(0.3);
    expect(flagged(helped, motion)).toBeGreaterThan(0.8);
    expect(flagged(helped, sharp)).toBeLessThan(0.2);
  });

  it('keeps sharpness evidence from ever pushing towards blurry', () => {
    // Make 'noise' spuriously positive for blur in training; declare it sharpness evidence.
    const examples = synthetic(800, 3).map((e) => ({ ...e, features: { ...e.features, noise: e.features.noise! + (e.label !== 'sharp' ? 1 : 0) } }));
    const free = fitHead(examples, { detector: 'test', featureNames: names, iterations: 400 });
    const constrained = fitHead(examples, { detector: 'test', featureNames: names, iterations: 400, sharpnessEvidence: (n) => n === 'noise' });
    expect(free.blur.weights[0]![4]).toBeGreaterThan(0.2);
    expect(constrained.blur.weights[0]![4]).toBeLessThanOrEqual(0);
  });

  it('learns a blur type a linear layer cannot, through its hidden layer', () => {
    // Motion at both ends of a signed measure and defocus between: a linear softmax gives each
    // type one interval of it, so it must lose one end.
    const twoSided = (n: number, seed: number): HeadExample[] => {
      const r = lcg(seed);
      return Array.from({ length: n }, () => {
        const skew = r() * 4 - 2;
        const gaussian = r() < 0.2;
        const label: PatchClass = gaussian ? 'gaussian' : Math.abs(skew) > 1 ? 'motion' : 'defocus';
        return { label, features: { sharpness: -1 + r() * 0.1, skew, soft: (gaussian ? 2 : 0) + r() * 0.2 } };
      });
    };
    const options = { detector: 'test', featureNames: ['sharpness', 'skew', 'soft'], iterations: 300 };
    const accuracy = (head: ReturnType<typeof fitHead>, test: HeadExample[]) =>
      test.filter((e) => {
        const t = fuseScores(head, e.features).typeProbabilities;
        return (Object.keys(t) as (keyof typeof t)[]).reduce((a, b) => (t[b] > t[a] ? b : a)) === e.label;
      }).length / test.length;
    const [train, test] = [twoSided(400, 11), twoSided(400, 12)];
    const perceptron = fitHead(train, { ...options, typeHiddenUnits: 4, typeL2: 1e-3 });
    expect(perceptron.typeHidden?.weights).toHaveLength(3 * 4); // 3 nets of 4 units, folded into one layer
    expect(accuracy(perceptron, test)).toBeGreaterThan(0.95);
    expect(accuracy(fitHead(train, options), test)).toBeLessThan(0.85);
    // Seeded: the same data and seed give the same layer.
    expect(fitHead(train, { ...options, typeHiddenUnits: 4, typeL2: 1e-3 }).typeHidden).toEqual(perceptron.typeHidden);
  });

  it('calibrates on held-out data: predicted rates match observed rates', () => {
    const head = calibrateHead(fitHead(synthetic(1000, 4), { detector: 'test', featureNames: names, iterations: 400 }), synthetic(1000, 5));
    const test = synthetic(4000, 6);
    const bins = Array.from({ length: 5 }, () => ({ p: 0, y: 0, n: 0 }));
    for (const e of test) {
      const p = fuseScores(head, e.features).probability;
      const b = bins[Math.min(4, Math.floor(p * 5))]!;
      b.p += p;
      b.y += e.label !== 'sharp' ? 1 : 0;
      b.n++;
    }
    const ece = bins.reduce((s, b) => s + (b.n ? Math.abs(b.p - b.y) : 0), 0) / test.length;
    expect(ece).toBeLessThan(0.04);
  });
});
