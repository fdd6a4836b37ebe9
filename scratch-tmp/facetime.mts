import * as tf from '@tensorflow/tfjs';
import { initTfNode } from '/work/main/src/node/tf.ts';
import { faceApiNode, loadFaceModelsNode } from '/work/main/src/node/face.ts';
await initTfNode('wasm');
console.log(tf.getBackend());
const models = loadFaceModelsNode();
const det: any = faceApiNode().nets.tinyFaceDetector;
const time = async (label: string, f: () => Promise<unknown>) => {
  for (let i = 0; i < 3; i++) await f();
  const ts: number[] = [];
  for (let i = 0; i < 15; i++) { const t = performance.now(); await f(); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b); console.log(label, ts[7].toFixed(1));
};
const sq = tf.randomUniform([1, 320, 320, 3], 0, 255) as tf.Tensor4D;
await time('locateFaces 320 square', () => models.detector.locateFaces(sq, models.detectorOptions));
for (const [h, w] of [[320, 320], [256, 320], [224, 320], [192, 320], [288, 288], [256, 256]]) {
  const x = tf.randomUniform([1, h, w, 3], 0, 255) as tf.Tensor4D;
  await time(`runMobilenet ${w}x${h}`, async () => { const out = tf.tidy(() => det.runMobilenet(x.sub([117.001, 114.697, 97.404]).div(255), det.params)) as tf.Tensor; await out.data(); out.dispose(); });
}
const crop = tf.randomUniform([180, 160, 3], 0, 255) as tf.Tensor3D;
await time('landmarks 160x180 crop', () => models.landmarks.detectLandmarks(crop));
