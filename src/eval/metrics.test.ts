import { describe, expect, it } from 'vitest';
import { appScore, balancedAccuracyInterval, blurCaughtShare, calledBlurry, detectionMetrics, expectedCalibrationError, predictedClass, rankAuc, sharpKeptShare, type LabelledPrediction } from './metrics.ts';

const types = (defocus: number, motion: number, gaussian: number) => ({ defocus, motion, gaussian });

describe('detection metrics', () => {
  const preds: LabelledPrediction[] = [
    { label: 'sharp', probability: 0.1, typeProbabilities: types(0.3, 0.3, 0.4) },
    { label: 'sharp', probability: 0.7, typeProbabilities: types(0.8, 0.1, 0.1) }, // a sharp photo thrown away
    { label: 'defocus', probability: 0.9, typeProbabilities: types(0.8, 0.1, 0.1) },
    { label: 'motion', probability: 0.8, typeProbabilities: types(0.6, 0.3, 0.1) }, // caught, wrong type
    { label: 'gaussian', probability: 0.2, typeProbabilities: types(0.1, 0.1, 0.8) }, // missed
  ];

  it('balances blur recall against sharp photos kept', () => {
    const m = detectionMetrics(preds);
    expect(m.n).toBe(5);
    expect(m.blur_recall).toBeCloseTo(2 / 3);
    expect(m.sharp_kept).toBeCloseTo(1 / 2);
    expect(m.balanced_accuracy).toBeCloseTo((2 / 3 + 1 / 2) / 2);
    expect(m.per_class.gaussian).toEqual({ n: 1, recall: 0 });
  });

  it('brackets balanced accuracy with a bootstrap interval that narrows as the set grows', () => {
    // 90% of each class right: 40 photos per class, then 400.
    const set = (perClass: number) =>
      (['sharp', 'defocus'] as const).flatMap((label) =>
        Array.from({ length: perClass }, (_, i) => {
          const right = i % 10 !== 0;
          return { label, probability: (label === 'sharp') === right ? 0.1 : 0.9, typeProbabilities: null };
        }),
      );
    const [lo, hi] = balancedAccuracyInterval(set(40));
    expect(detectionMetrics(set(40)).balanced_accuracy).toBeCloseTo(0.9);
    expect(lo).toBeLessThan(0.87);
    expect(hi).toBeGreaterThan(0.93);
    const [bigLo, bigHi] = balancedAccuracyInterval(set(400));
    expect(bigLo).toBeGreaterThan(lo);
    expect(bigHi).toBeLessThan(hi);
    expect(bigLo).toBeLessThan(0.9);
    expect(bigHi).toBeGreaterThan(0.9);
    // Seeded: the same numbers every run; a detector with no errors has no spread.
    expect(balancedAccuracyInterval(set(40))).toEqual([lo, hi]);
    expect(balancedAccuracyInterval(set(40).map((p) => ({ ...p, probability: p.label === 'sharp' ? 0 : 1 })))).toEqual([1, 1]);
  });

  it('scores the cause a person is told (motion or out of focus) over the blurred photos it flags', () => {
    // Flagged: defocus (out of focus, right) and motion (called out of focus, wrong); the missed
    // gaussian photo does not count.
    expect(detectionMetrics(preds).type_accuracy).toBeCloseTo(1 / 2);
    expect(detectionMetrics(preds.filter((p) => p.label === 'sharp')).type_accuracy).toBeNull();
  });

  it('counts defocus and gaussian as one cause, out of focus', () => {
    const soft: LabelledPrediction[] = [
      { label: 'gaussian', probability: 0.9, typeProbabilities: types(0.6, 0.1, 0.3) },
      { label: 'defocus', probability: 0.9, typeProbabilities: types(0.2, 0.35, 0.45) },
      { label: 'motion', probability: 0.9, typeProbabilities: types(0.2, 0.5, 0.3) },
    ];
    // The middle one: motion is the single likeliest type, but defocus + gaussian outweigh it.
    expect(detectionMetrics(soft).type_accuracy).toBeCloseTo(2 / 3);
  });

  it('gives the share of sharp photos kept with a Wilson interval', () => {
    const kept = sharpKeptShare([...Array(97).fill(0.1), 0.6, 0.7, 0.9].map((probability) => ({ probability })));
    expect(kept).toMatchObject({ n: 100, kept: 97, share: 0.97 });
    expect(kept.ci95[0]).toBeGreaterThan(0.91);
    expect(kept.ci95[0]).toBeLessThan(0.93);
    expect(kept.ci95[1]).toBeGreaterThan(0.98);
    expect(kept.ci95[1]).toBeLessThan(1);
    expect(sharpKeptShare([{ probability: 0.1 }, { probability: 0.9 }], 0.95).kept).toBe(2);
  });

  it('gives the share of blurred photos caught, a face that decided counting as the app counts it', () => {
    const caught = blurCaughtShare([0.9, 0.8, 0.55, 0.3].map((probability) => ({ probability })));
    expect(caught).toMatchObject({ n: 4, caught: 3, share: 0.75 });
    expect(caught.ci95[0]).toBeLessThan(0.75);
    expect(caught.ci95[1]).toBeGreaterThan(0.75);
    expect(blurCaughtShare([{ probability: 0.9, faceCall: 'sharp' }, { probability: 0.2, faceCall: 'blurry' }]).caught).toBe(1);
  });

  it('ranks blurred above sharp for the AUC, ties counting half', () => {
    expect(rankAuc([0.9, 0.8], [0.1, 0.2])).toBe(1);
    expect(rankAuc([0.1, 0.2], [0.9, 0.8])).toBe(0);
    expect(rankAuc([0.5], [0.5])).toBe(0.5);
    // 0.6 beats 0.2 and 0.4, ties 0.6 and loses to 0.8; 0.3 beats 0.2 only.
    expect(rankAuc([0.6, 0.3], [0.2, 0.4, 0.6, 0.8])).toBeCloseTo((2.5 + 1) / 8);
    expect(rankAuc([], [0.1])).toBeNaN();
  });

  it('fills the confusion matrix by true and predicted class', () => {
    const c = detectionMetrics(preds).confusion;
    expect(c.sharp).toEqual({ sharp: 1, defocus: 1, motion: 0, gaussian: 0 });
    expect(c.motion.defocus).toBe(1);
    expect(c.gaussian.sharp).toBe(1);
  });

  it('moves photos across the verdict with the threshold', () => {
    expect(predictedClass(preds[1], 0.5)).toBe('defocus');
    expect(predictedClass(preds[1], 0.75)).toBe('sharp');
    expect(detectionMetrics(preds, 0.15).blur_recall).toBe(1);
  });

  it('counts a face that decided as the app does: its call stands at any threshold', () => {
    const portrait = { label: 'sharp' as const, probability: 0.9, typeProbabilities: null };
    expect(calledBlurry(portrait)).toBe(true);
    expect(calledBlurry({ ...portrait, faceCall: 'sharp' })).toBe(false);
    expect(calledBlurry({ ...portrait, probability: 0.1, faceCall: 'blurry' }, 0.95)).toBe(true);
    expect(calledBlurry({ ...portrait, faceCall: null })).toBe(true);
    expect(detectionMetrics([{ ...portrait, faceCall: 'sharp' }]).sharp_kept).toBe(1);
    expect(sharpKeptShare([{ probability: 0.9, faceCall: 'sharp' }, { probability: 0.1, faceCall: 'blurry' }]).kept).toBe(1);
    // Ranked the same way: a face that decided is certain, else P(blurry).
    expect([appScore({ probability: 0.9, faceCall: 'sharp' }), appScore({ probability: 0.1, faceCall: 'blurry' }), appScore({ probability: 0.3, faceCall: null })]).toEqual([0, 1, 0.3]);
  });

  it('has zero calibration error only when confidence matches the outcome', () => {
    const perfect: LabelledPrediction[] = [
      { label: 'sharp', probability: 0, typeProbabilities: null },
      { label: 'motion', probability: 1, typeProbabilities: null },
    ];
    expect(expectedCalibrationError(perfect)).toBeCloseTo(0);
    const overconfident = perfect.map((p) => ({ ...p, label: p.label === 'sharp' ? ('motion' as const) : ('sharp' as const) }));
    expect(expectedCalibrationError(overconfident)).toBeCloseTo(1);
  });
});
