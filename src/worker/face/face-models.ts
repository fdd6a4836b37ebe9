// Loads the face nets in the analysis worker: face-api's ESM build without its own tfjs copy (it
// runs on ours, whichever backend was chosen), weights fetched from models/faces/ on our origin,
// which the service worker precaches like the blur model. A missing file means no face pass,
// not a broken scan.
import * as tf from '@tensorflow/tfjs';
import * as faceapiModule from '@vladmandic/face-api/dist/face-api.esm-nobundle.js';
import type { FaceModels } from '../../core/face/detect-faces.ts';
import { decodeFaceWeights, FACE_NETS, faceModelsFrom, type FaceApiModule, type FaceNet, type WeightsManifest } from '../../core/face/face-weights.ts';

const faceapi = faceapiModule as unknown as FaceApiModule & { env: { setEnv(env: object): void } };

/** face-api looks for a window or Node at import and finds neither in a worker; it only ever
 * gets tensors from us, so the environment it wants is the worker's canvas and fetch, and media
 * classes nothing is an instance of. */
function workerEnvironment(): object {
  class NoMedia {}
  return {
    Canvas: OffscreenCanvas,
    CanvasRenderingContext2D: OffscreenCanvasRenderingContext2D,
    Image: NoMedia,
    ImageData,
    Video: NoMedia,
    createCanvasElement: () => new OffscreenCanvas(1, 1),
    createImageElement: () => new NoMedia(),
    createVideoElement: () => new NoMedia(),
    fetch: (url: string, init?: RequestInit) => fetch(url, init),
    readFile: () => Promise.reject(new Error('no file system in a worker')),
  };
}

async function fetchNet(base: string, name: string, net: FaceNet): Promise<void> {
  const manifestResponse = await fetch(`${base}${name}-weights_manifest.json`);
  if (!manifestResponse.ok || !(manifestResponse.headers.get('content-type') ?? '').includes('json')) throw new Error(`${name}: no weights manifest`);
  const manifest = (await manifestResponse.json()) as WeightsManifest;
  const shards = await Promise.all(
    manifest.flatMap((group) => group.paths).map(async (path) => {
      const response = await fetch(`${base}${path}`);
      if (!response.ok) throw new Error(`${name}: shard ${path} missing`);
      return new Uint8Array(await response.arrayBuffer());
    }),
  );
  net.loadFromWeightMap(decodeFaceWeights(tf, manifest, shards));
}

/** The face nets, or undefined when they cannot be loaded (the analysis then runs without faces). */
export async function loadFaceModels(modelBaseUrl: string): Promise<FaceModels | undefined> {
  const base = `${modelBaseUrl.endsWith('/') ? modelBaseUrl : `${modelBaseUrl}/`}faces/`;
  try {
    faceapi.env.setEnv(workerEnvironment());
    await Promise.all([fetchNet(base, FACE_NETS.detector, faceapi.nets.tinyFaceDetector), fetchNet(base, FACE_NETS.landmarks, faceapi.nets.faceLandmark68TinyNet)]);
  } catch {
    return undefined;
  }
  return faceModelsFrom(tf, faceapi);
}
