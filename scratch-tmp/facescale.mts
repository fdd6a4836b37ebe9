// Scratch: face sharpness at native scale and with the face capped at N px, per portrait variant.
import * as tf from '@tensorflow/tfjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initTfNode } from '../src/node/tf.ts';
import { loadFaceModelsNode } from '../src/node/face.ts';
import { detectFaces, DETECTOR_SIDE } from '../src/core/face/detect-faces.ts';
import { eyeRegion } from '../src/core/face/eye-region.ts';
import { faceSharpness } from '../src/core/face/face-sharpness.ts';
import { judgedFace } from '../src/core/face/subject-focus.ts';
import { downscaleLuma, downscaleRgba, workingSize } from '../src/core/image/image.ts';
import { decodeJpegFile } from '../src/node/decode.ts';
import { decodeJpegFileLuma } from '../src/node/jpeg-decoder.ts';
await initTfNode('wasm');
const models = loadFaceModelsNode();
const dir = process.argv[2]!;
const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const rows: any[] = [];
for (const e of m.files) {
  const path = join(dir, e.file);
  const colour = decodeJpegFile(path);
  const size = workingSize(colour.width, colour.height, DETECTOR_SIDE);
  const luma = decodeJpegFileLuma(path, 1600);
  const faces = (await detectFaces(models, luma, downscaleRgba(colour, size.width, size.height))).filter((f) => judgedFace(f.box));
  if (faces.length === 0) { rows.push({ file: e.file, variant: e.variant, face: null }); continue; }
  const f = faces.sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height)[0]!;
  const eyes = eyeRegion(f.box, f.landmarks, luma.width, luma.height);
  const row: any = { file: e.file, variant: e.variant, face: Math.round(f.box.height), native: faceSharpness(luma, f.box, eyes)?.sharpness ?? null };
  for (const cap of [96, 128, 160, 224]) {
    const k = Math.max(1, f.box.height / cap);
    if (k <= 1.01) { row['c' + cap] = row.native; continue; }
    const small = downscaleLuma(luma, Math.round(luma.width / k), Math.round(luma.height / k));
    const sx = small.width / luma.width, sy = small.height / luma.height;
    const sc = (b: any) => ({ x: Math.floor(b.x * sx), y: Math.floor(b.y * sy), width: Math.max(1, Math.round(b.width * sx)), height: Math.max(1, Math.round(b.height * sy)) });
    row['c' + cap] = faceSharpness(small, sc(f.box), sc(eyes))?.sharpness ?? null;
  }
  rows.push(row);
}
writeFileSync(process.argv[3]!, JSON.stringify(rows));
