// npx tsx training/measure-working-resolution.ts [--out training/working-resolution.json]
// How small can a 12 MP photo be shrunk before the evidence of mild blur is lost? Renders
// seeded 4032x3024 scenes, blurs them at full size by amounts a person notices when zooming
// in (defocus radius 3-8 px, gaussian sigma 2-3 px, motion 8-14 px at 12 MP), shrinks sharp and
// blurred copies to several working sizes and measures, per size, how often a blurred copy
// scores below a sharp one (AUC, 1 = always) on the main sharpness features, and what the
// features cost. The chosen WORKING_MAX_SIDE is the smallest size that keeps mild blur separable.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractFeatures } from '../src/core/features/features.ts';
import { toLuma } from '../src/core/image/image.ts';
import { loadOpenCvNode } from '../src/node/opencv.ts';
import { mulberry32 } from './data/rng.ts';
import { proceduralImage, PROCEDURAL_KINDS } from './data/procedural.ts';
import { convolveRgb, resizeRgb } from './data/filter.ts';
import { rgbToRgba, type RgbImage } from './data/image.ts';
import { defocusKernel, gaussianKernel, linearMotionKernel } from './data/kernels.ts';
import { rankAuc } from '../src/eval/metrics.ts';

const SIDES = [800, 1200, 1600, 2048, 2400];
const FEATURES = ['tileLogRatioMedian', 'lapLogVarPerContrast', 'edgeWidthMean'] as const;
const LOWER_IS_BLURRIER: Record<string, boolean> = { tileLogRatioMedian: true, lapLogVarPerContrast: true, edgeWidthMean: false };

const { values } = parseArgs({ options: { out: { type: 'string', default: 'training/working-resolution.json' }, scenes: { type: 'string', default: '8' } } });
const cv = await loadOpenCvNode();
const blurs = {
  'defocus r3': defocusKernel(3),
  'defocus r5': defocusKernel(5),
  'gaussian s2': gaussianKernel(2),
  'motion 10': linearMotionKernel(10, 30),
};

type Row = Record<string, number>;
const measured: Record<number, { sharp: Row[]; blurred: Record<string, Row[]>; ms: number[] }> = {};
for (const side of SIDES) measured[side] = { sharp: [], blurred: Object.fromEntries(Object.keys(blurs).map((k) => [k, []])), ms: [] };

const shrink = (image: RgbImage, side: number) => {
  const scale = side / Math.max(image.width, image.height);
  return toLuma(rgbToRgba(resizeRgb(cv, image, Math.round(image.width * scale), Math.round(image.height * scale))));
};

for (let s = 0; s < Number(values.scenes); s++) {
  const rng = mulberry32(9000 + s);
  const { image } = proceduralImage(rng, { kind: PROCEDURAL_KINDS[s % PROCEDURAL_KINDS.length], width: 4032, height: 3024 });
  const variants: Array<[string | null, RgbImage]> = [[null, image], ...Object.entries(blurs).map(([k, kernel]) => [k, convolveRgb(cv, image, kernel)] as [string, RgbImage])];
  for (const side of SIDES) {
    for (const [name, variant] of variants) {
      const luma = shrink(variant, side);
      const t0 = performance.now();
      const { features } = extractFeatures(cv, luma);
      measured[side].ms.push(performance.now() - t0);
      (name ? measured[side].blurred[name] : measured[side].sharp).push(features);
    }
  }
  process.stderr.write(`scene ${s + 1}/${values.scenes}\n`);
}

/** AUC with the feature's direction: negated where a lower value means blurrier. */
function auc(sharp: number[], blurred: number[], lowerIsBlurrier: boolean): number {
  const sign = lowerIsBlurrier ? -1 : 1;
  return rankAuc(blurred.map((v) => sign * v), sharp.map((v) => sign * v));
}

const table = SIDES.map((side) => {
  const m = measured[side];
  const row: Record<string, number | string> = { side, median_features_ms: Number([...m.ms].sort((a, b) => a - b)[Math.floor(m.ms.length / 2)].toFixed(1)) };
  for (const blur of Object.keys(blurs)) {
    for (const f of FEATURES) {
      row[`${blur} / ${f}`] = Number(auc(m.sharp.map((r) => r[f]), m.blurred[blur].map((r) => r[f]), LOWER_IS_BLURRIER[f]).toFixed(3));
    }
  }
  return row;
});
console.table(table);
writeFileSync(values.out!, JSON.stringify({ scenes: Number(values.scenes), source: '4032x3024 procedural', table }, null, 2));
