import * as tf from '@tensorflow/tfjs';
import { initTfNode } from '../src/node/tf.ts';
import { faceApiNode, loadFaceModelsNode } from '../src/node/face.ts';
import { locateFaces } from '../src/core/face/tiny-face-detector.ts';
import { DETECTOR_MIN_SCORE, DETECTOR_SIDE } from '../src/core/face/detect-faces.ts';
import { downscaleRgba, workingSize } from '../src/core/image/image.ts';
import { decodeJpegFile, toWorkingResolution } from '../src/node/decode.ts';
import { listPeoplePhotos } from '../training/data/photos.ts';
await initTfNode('wasm');
const models = loadFaceModelsNode();
const api: any = faceApiNode();
const opts = new api.TinyFaceDetectorOptions({ inputSize: DETECTOR_SIDE, scoreThreshold: DETECTOR_MIN_SCORE });
const iou = (a: any, b: any) => { const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)); const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)); return (w * h) / (a.width * a.height + b.width * b.height - w * h); };
let tOld = 0, tNew = 0, nOld = 0, nNew = 0, matched = 0, big = 0, bigMatched = 0; const dScore: number[] = [];
for (const p of listPeoplePhotos()) {
  const working = toWorkingResolution(decodeJpegFile(p.path), 1600);
  const size = workingSize(working.width, working.height, DETECTOR_SIDE);
  const small = downscaleRgba(working, size.width, size.height);
  const side = Math.max(small.width, small.height);
  const rgb = new Float32Array(side * side * 3);
  for (let y = 0; y < small.height; y++) for (let x = 0; x < small.width; x++) { const i = (y * small.width + x) * 4, o = (y * side + x) * 3; rgb[o] = small.data[i]; rgb[o + 1] = small.data[i + 1]; rgb[o + 2] = small.data[i + 2]; }
  let t = performance.now();
  const input = tf.tensor4d(rgb, [1, side, side, 3]);
  const old = (await api.nets.tinyFaceDetector.locateFaces(input, opts)).map((f: any) => ({ box: { x: f.box.x, y: f.box.y, width: f.box.width, height: f.box.height }, score: f.score }));
  input.dispose(); tOld += performance.now() - t;
  t = performance.now();
  const neu = await locateFaces(tf, models.detector, small, DETECTOR_MIN_SCORE);
  tNew += performance.now() - t;
  nOld += old.length; nNew += neu.length;
  for (const o of old) {
    const best = neu.reduce((m, n) => Math.max(m, iou(o.box, n.box)), 0);
    const isBig = Math.min(o.box.width, o.box.height) * (working.width / small.width) >= 64;
    if (isBig) big++;
    if (best > 0.7) { matched++; if (isBig) bigMatched++; const n = neu.find((n) => iou(o.box, n.box) === best)!; dScore.push(n.score - o.score); }
    else console.log('unmatched old', p.relPath, o.score.toFixed(2), Math.round(o.box.width), 'best iou', best.toFixed(2));
  }
  for (const n of neu) if (!old.some((o: any) => iou(o.box, n.box) > 0.7)) console.log('new only', p.relPath, n.score.toFixed(2), Math.round(n.box.width));
}
dScore.sort((a, b) => a - b);
console.log({ photos: listPeoplePhotos().length, nOld, nNew, matched, big, bigMatched, msOld: (tOld / 115).toFixed(1), msNew: (tNew / 115).toFixed(1), dScoreMin: dScore[0]?.toFixed(3), dScoreMax: dScore.at(-1)?.toFixed(3) });
