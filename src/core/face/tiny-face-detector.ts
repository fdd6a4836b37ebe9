// The tiny face detector run on the photo's own rectangle. face-api's locateFaces pads every input
// to a square (a 4:3 photo at 320 px becomes 320x320, a quarter of it black) and then decodes the
// output cell by cell through nested arrays; its net is fully convolutional with a 32 px stride,
// so it runs as well on 320x256 or 320x224. Measured in Node on wasm (2026-12-07, median of 15):
// locateFaces on a 320 square 39 ms; the net alone on 320x320 26 ms, on 320x256 16 ms, on 320x224
// 13 ms. Here the net runs on the photo padded only to the next multiple of 32, and boxes are
// decoded from one small array, with face-api's anchors, mean colour and overlap rule.
import type * as tfTypes from '@tensorflow/tfjs';
import type { RgbaImage } from '../types.ts';
import type { FaceBox } from './types.ts';

/** What the face pass uses of face-api's TinyFaceDetector (public in its JS build; pinned version). */
export interface TinyDetectorNet {
  readonly params: unknown;
  readonly config: { anchors: ReadonlyArray<{ x: number; y: number }>; meanRgb?: readonly [number, number, number]; iouThreshold: number };
  runMobilenet(input: tfTypes.Tensor4D, params: unknown): tfTypes.Tensor4D;
}

/** The net halves its input five times: each output cell covers 32x32 input pixels. */
const CELL = 32;
/** Box encoding per anchor: x, y, width, height, objectness (one class: no class scores). */
const ENCODING = 5;

export interface LocatedFace {
  /** In `image`'s pixels. */
  box: FaceBox;
  score: number;
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** Input tensor: the photo's RGB at the top left of a black frame whose sides are multiples of 32. */
function inputTensor(tf: typeof tfTypes, image: RgbaImage, mean: readonly [number, number, number]): tfTypes.Tensor4D {
  const width = Math.ceil(image.width / CELL) * CELL, height = Math.ceil(image.height / CELL) * CELL;
  // Black (0) before the mean is taken off, as face-api pads; values scaled to its 0..1 range.
  const rgb = new Float32Array(width * height * 3);
  for (let k = 0; k < rgb.length; k += 3) {
    rgb[k] = -mean[0] / 255;
    rgb[k + 1] = -mean[1] / 255;
    rgb[k + 2] = -mean[2] / 255;
  }
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4, o = (y * width + x) * 3;
      rgb[o] = (image.data[i]! - mean[0]) / 255;
      rgb[o + 1] = (image.data[i + 1]! - mean[1]) / 255;
      rgb[o + 2] = (image.data[i + 2]! - mean[2]) / 255;
    }
  }
  return tf.tensor4d(rgb, [1, height, width, 3]);
}

function iou(a: FaceBox, b: FaceBox): number {
  const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

/** Greedy non-maximum suppression: the best box stays, boxes overlapping it by more than `threshold` go. */
export function suppressOverlaps(found: readonly LocatedFace[], threshold: number): LocatedFace[] {
  const rest = [...found].sort((a, b) => b.score - a.score);
  const kept: LocatedFace[] = [];
  while (rest.length > 0) {
    const best = rest.shift()!;
    kept.push(best);
    for (let k = rest.length - 1; k >= 0; k--) if (iou(best.box, rest[k]!.box) > threshold) rest.splice(k, 1);
  }
  return kept;
}

/** Faces in `image` scoring above `minScore` (boxes may reach past the edges, as face-api's do). */
export async function locateFaces(tf: typeof tfTypes, net: TinyDetectorNet, image: RgbaImage, minScore: number): Promise<LocatedFace[]> {
  const { anchors, meanRgb = [0, 0, 0], iouThreshold } = net.config;
  // tidy: the net's intermediate tensors (one per layer) are freed here, as face-api's own
  // forwardInput does; only the output leaves.
  const out = tf.tidy(() => net.runMobilenet(inputTensor(tf, image, meanRgb), net.params));
  const [, rows, cols] = out.shape;
  const values = await out.data();
  out.dispose();
  const found: LocatedFace[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      for (let a = 0; a < anchors.length; a++) {
        const o = ((row * cols + col) * anchors.length + a) * ENCODING;
        const score = sigmoid(values[o + 4]!);
        if (score <= minScore) continue;
        // Anchors are in cells; centres are offsets within the cell.
        const cx = (col + sigmoid(values[o]!)) * CELL, cy = (row + sigmoid(values[o + 1]!)) * CELL;
        const w = Math.exp(values[o + 2]!) * anchors[a]!.x * CELL, h = Math.exp(values[o + 3]!) * anchors[a]!.y * CELL;
        found.push({ box: { x: cx - w / 2, y: cy - h / 2, width: w, height: h }, score });
      }
    }
  }
  return suppressOverlaps(found, iouThreshold);
}
