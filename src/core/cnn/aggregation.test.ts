import { describe, expect, it } from 'vitest';
import { aggregatePatches, CNN_FEATURE_NAMES } from './aggregation.ts';
import { fuseScores } from '../fusion/head.ts';
import { FLAT_TEXTURE, PATCH_SIZE, type PatchPosition } from './patches.ts';
import { toyHead } from '../../test-support/toy-head.ts';

const COLS = 8;
const ROWS = 6;

function grid(texture: (col: number, row: number) => number = () => 0.3): PatchPosition[] {
  const out: PatchPosition[] = [];
  for (let row = 0; row < ROWS; row++) {
    for (let col = 0; col < COLS; col++) out.push({ x: col * 200 + 68, y: row * 200 + 68, col, row, texture: texture(col, row) });
  }
  return out;
}

/** Probabilities (sharp, defocus, motion, gaussian) per patch from a function of the cell. */
function probsFor(positions: PatchPosition[], f: (p: PatchPosition) => [number, number, number, number]): Float32Array {
  return Float32Array.from(positions.flatMap(f));
}

const blurryPatch: [number, number, number, number] = [0.05, 0.8, 0.1, 0.05];
const sharpPatch: [number, number, number, number] = [0.95, 0.03, 0.01, 0.01];
const isCentre = (p: PatchPosition) => p.col >= 3 && p.col <= 4 && p.row >= 2 && p.row <= 3;

describe('aggregatePatches', () => {
  it('keeps a sharp centre with a blurry surround sharp (bokeh portrait)', () => {
    const positions = grid();
    const portrait = aggregatePatches(probsFor(positions, (p) => (isCentre(p) ? sharpPatch : blurryPatch)), positions).features;
    const allBlurry = aggregatePatches(probsFor(positions, () => blurryPatch), positions).features;
    expect(portrait.cnnSharpMean).toBeLessThan(0.25); // a plain mean would call it blurry
    expect(portrait.cnnSharpMax).toBeGreaterThan(0.9);
    expect(portrait.cnnSharpTop3).toBeGreaterThan(0.9);
    expect(portrait.cnnSharpCentre).toBeGreaterThan(0.9);
    expect(allBlurry.cnnSharpTop3).toBeLessThan(0.1);

    const head = toyHead(['cnnSharpTop3', 'cnnSharpCentre'], [-2, -2]);
    expect(fuseScores(head, portrait).probability).toBeLessThan(0.2);
    expect(fuseScores(head, allBlurry).probability).toBeGreaterThan(0.8);
  });

  it('tells a blurred subject on a sharp background from a sharp subject on a blurred one', () => {
    const positions = grid();
    // A subject filling the middle third of the frame.
    const inSubject = (p: PatchPosition) => p.col >= 2 && p.col <= 5 && p.row >= 1 && p.row <= 4;
    const movingSubject = aggregatePatches(probsFor(positions, (p) => (inSubject(p) ? blurryPatch : sharpPatch)), positions).features;
    const portrait = aggregatePatches(probsFor(positions, (p) => (inSubject(p) ? sharpPatch : blurryPatch)), positions).features;
    const even = aggregatePatches(probsFor(positions, (p) => (p.col % 2 === 0 ? sharpPatch : blurryPatch)), positions).features;
    // Both have a sharp region, so the 'keep what is sharp' aggregates cannot tell them apart...
    expect(movingSubject.cnnSharpMax).toBeGreaterThan(0.9);
    // ...but where the blur lies can.
    expect(movingSubject.cnnBlurCentrality).toBeGreaterThan(0.1);
    expect(portrait.cnnBlurCentrality).toBeLessThan(-0.1);
    expect(Math.abs(even.cnnBlurCentrality!)).toBeLessThan(0.02);
    expect(movingSubject.cnnCentreMinusBorder).toBeLessThan(-0.5);
    expect(portrait.cnnCentreMinusBorder).toBeGreaterThan(0.5);
    expect(movingSubject.cnnSharpCentreLow).toBeLessThan(0.1);
    expect(portrait.cnnSharpCentreLow).toBeGreaterThan(0.9);
  });

  it('reports no blur layout when the whole frame agrees', () => {
    const positions = grid();
    const allSharp = aggregatePatches(probsFor(positions, () => [1, 0, 0, 0]), positions).features;
    expect(allSharp.cnnBlurCentrality).toBe(0);
  });

  it('ignores flat patches: a blurry photo with a clear sky stays blurry', () => {
    const positions = grid((_, row) => (row < 2 ? FLAT_TEXTURE / 4 : 0.3));
    // The CNN may say anything on flat sky; here it wrongly says 'sharp' with confidence.
    const agg = aggregatePatches(probsFor(positions, (p) => (p.row < 2 ? sharpPatch : blurryPatch)), positions);
    expect(agg.features.cnnTexturedFraction).toBeCloseTo(32 / 48, 6);
    expect(agg.features.cnnSharpMax).toBeLessThan(0.1);
    expect(agg.features.cnnSharpFraction).toBe(0);
  });

  it('names the dominant blur type among the blur evidence only', () => {
    const positions = grid();
    const motion: [number, number, number, number] = [0.1, 0.1, 0.7, 0.1];
    const agg = aggregatePatches(probsFor(positions, (p) => (p.col < 4 ? sharpPatch : motion)), positions).features;
    expect(agg.cnnMotionShare).toBeGreaterThan(0.6);
    expect(agg.cnnMotionShare).toBeGreaterThan(agg.cnnDefocusShare! + agg.cnnGaussianShare!);
    expect(Object.keys(agg).sort()).toEqual([...CNN_FEATURE_NAMES].sort());
  });

  it('maps patch sharpness onto the grid, borrowing the classical map for flat cells', () => {
    const positions = grid((col) => (col === 0 ? 0 : 0.3));
    const probs = probsFor(positions, (p) => (isCentre(p) ? sharpPatch : blurryPatch));
    const classical = { cols: 2, rows: 1, sharpness: [0.7, 0.2] };
    const { regions } = aggregatePatches(probs, positions, classical);
    expect([regions.cols, regions.rows]).toEqual([COLS, ROWS]);
    expect(regions.sharpness[2 * COLS + 3]).toBeCloseTo(0.95, 6);
    expect(regions.sharpness[0]).toBeCloseTo(0.7, 6); // flat, left half of the classical map
    expect(regions.sharpness[COLS - 1]).toBeCloseTo(0.05, 6);
    expect(PATCH_SIZE).toBe(64);
  });

  it('rejects probabilities that do not match the patches', () => {
    expect(() => aggregatePatches(new Float32Array(7), grid())).toThrow(RangeError);
  });
});
