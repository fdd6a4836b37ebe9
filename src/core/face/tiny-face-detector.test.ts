import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTfNode } from '../../node/tf.ts';
import { faceApiNode, loadFaceModelsNode } from '../../node/face.ts';
import { decodeJpegFile, toWorkingResolution } from '../../node/decode.ts';
import { downscaleRgba, workingSize } from '../image/image.ts';
import { listPeoplePhotos } from '../../../training/data/photos.ts';
import type { RgbaImage } from '../types.ts';
import { DETECTOR_MIN_SCORE, DETECTOR_SIDE, type FaceModels } from './detect-faces.ts';
import { locateFaces, suppressOverlaps } from './tiny-face-detector.ts';
import type { FaceBox } from './types.ts';

const box = (x: number, y: number, size: number): FaceBox => ({ x, y, width: size, height: size });
const overlap = (a: FaceBox, b: FaceBox) => {
  const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return (w * h) / (a.width * a.height + b.width * b.height - w * h);
};

describe('overlapping detections', () => {
  it('keep the best of boxes on one face and every box on another face', () => {
    const kept = suppressOverlaps([
      { box: box(0, 0, 100), score: 0.6 },
      { box: box(5, 5, 100), score: 0.9 },
      { box: box(300, 0, 100), score: 0.5 },
    ], 0.4);
    expect(kept.map((f) => f.score)).toEqual([0.9, 0.5]);
  });
});

/** The detector's input as face-api wants it: the small photo at the top left of a black square. */
function paddedSquare(small: RgbaImage): tf.Tensor4D {
  const side = Math.max(small.width, small.height);
  const rgb = new Float32Array(side * side * 3);
  for (let y = 0; y < small.height; y++) {
    for (let x = 0; x < small.width; x++) {
      for (let c = 0; c < 3; c++) rgb[(y * side + x) * 3 + c] = small.data[(y * small.width + x) * 4 + c]!;
    }
  }
  return tf.tensor4d(rgb, [1, side, side, 3]);
}

describe('the tiny face detector on the photo\'s own rectangle', () => {
  let models: FaceModels;
  beforeAll(async () => {
    await initTfNode('wasm');
    models = loadFaceModelsNode();
  });

  it('finds the faces face-api finds on the padded square, in the same places', async () => {
    const api = faceApiNode() as unknown as { nets: { tinyFaceDetector: { locateFaces(input: tf.Tensor4D, options: unknown): Promise<Array<{ box: FaceBox; score: number }>> } }; TinyFaceDetectorOptions: new (o: object) => unknown };
    const options = new api.TinyFaceDetectorOptions({ inputSize: DETECTOR_SIDE, scoreThreshold: DETECTOR_MIN_SCORE });
    let faces = 0;
    for (const photo of listPeoplePhotos().filter((p) => p.split === 'train').slice(0, 8)) {
      const working = toWorkingResolution(decodeJpegFile(photo.path), 1600);
      const size = workingSize(working.width, working.height, DETECTOR_SIDE);
      const small = downscaleRgba(working, size.width, size.height);
      const input = paddedSquare(small);
      const reference = await api.nets.tinyFaceDetector.locateFaces(input, options);
      input.dispose();
      const found = await locateFaces(tf, models.detector, small, DETECTOR_MIN_SCORE);
      for (const face of reference) {
        const best = Math.max(0, ...found.map((f) => overlap(f.box, face.box)));
        expect(best, photo.relPath).toBeGreaterThan(0.7);
      }
      faces += reference.length;
    }
    expect(faces).toBeGreaterThan(4);
  });

  it('leaves no tensor behind', async () => {
    const photo = listPeoplePhotos().find((p) => p.split === 'train')!;
    const working = toWorkingResolution(decodeJpegFile(photo.path), 1600);
    const size = workingSize(working.width, working.height, DETECTOR_SIDE);
    const small = downscaleRgba(working, size.width, size.height);
    await locateFaces(tf, models.detector, small, DETECTOR_MIN_SCORE);
    const before = tf.memory().numTensors;
    await locateFaces(tf, models.detector, small, DETECTOR_MIN_SCORE);
    expect(tf.memory().numTensors).toBe(before);
  });
});
