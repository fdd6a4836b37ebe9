// The analysis worker: decode -> luma -> features (opencv.js) + patch CNN (tfjs) -> fusion.
// Everything it computes comes from src/core, the same code training and eval run in Node.
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import type { AnalysisWorkerApi, AnalyzeOptions, EdgeMap, EdgeMapOptions, PhotoAnalysis, WorkerInit, WorkerReady } from '../bridge/types.ts';
import { createAnalyzer, type Analyzer } from '../core/analyze.ts';
import { loadModels, warmUp } from '../core/models.ts';
import { WORKING_MAX_SIDE } from '../core/image/working-resolution.ts';
import { chooseBackend } from './backend.ts';
import { loadOpenCv } from './opencv.ts';
import { decodeToWorking } from './decode.ts';
import { loadTurboJpeg } from './jpeg-decode.ts';
import { fetchModelReader } from './models.ts';
import { loadFaceModels } from './face/face-models.ts';
import { DETECTOR_SIDE } from '../core/face/detect-faces.ts';
import { makeThumbnail } from './thumbnail.ts';

let loaded: Analyzer | null = null;
let maxSide = WORKING_MAX_SIDE;

function started(): Analyzer {
  if (!loaded) throw new Error('The analysis worker was used before init().');
  return loaded;
}

const api: AnalysisWorkerApi = {
  async init(options: WorkerInit): Promise<WorkerReady> {
    maxSide = options.maxSide ?? WORKING_MAX_SIDE;
    // The JPEG decoder compiles while opencv.js does, so the first photo does not wait for it.
    const [backend, { cv }] = await Promise.all([chooseBackend(options.backend, options.threads), loadOpenCv(), loadTurboJpeg()]);
    const [models, faces] = await Promise.all([loadModels(fetchModelReader(options.modelBaseUrl)), loadFaceModels(options.modelBaseUrl)]);
    await warmUp(models);
    loaded = createAnalyzer(cv, { ...models, ...(faces ? { faces } : {}) });
    return { backend: backend.name, backendDetail: backend.detail, detector: loaded.bestDetector };
  },

  async analyzePhoto(file: Blob, options: AnalyzeOptions = {}): Promise<PhotoAnalysis> {
    const analyzer = started();
    const t0 = performance.now();
    const decoded = await decodeToWorking(file, maxSide);
    const t1 = performance.now();
    const { luma } = decoded;
    const result = await analyzer.analyze(luma, {
      detector: options.detector,
      sourceWidth: decoded.sourceWidth,
      sourceHeight: decoded.sourceHeight,
      // The detector's small colour copy (the decoder makes it at a reduced scale, like the thumbnail's).
      faces: { small: decoded.preview(DETECTOR_SIDE) },
    });
    const out: PhotoAnalysis = {
      analysis: result.analysis,
      timings: { decodeMs: t1 - t0, featuresMs: result.featuresMs, modelMs: result.modelMs, cnnMs: result.cnnMs, faceMs: result.faceMs, totalMs: 0 },
    };
    if (options.thumbnail) out.thumbnail = await makeThumbnail(decoded.preview(options.thumbnail), options.thumbnail);
    out.timings.totalMs = performance.now() - t0;
    return out;
  },

  async edgeMap(file: Blob, options: EdgeMapOptions = {}): Promise<EdgeMap> {
    const analyzer = started();
    const decoded = await decodeToWorking(file, maxSide);
    const { width, height, edges } = analyzer.edges(decoded.luma, options);
    return Comlink.transfer({ width, height, edges }, [edges.buffer]);
  },

  async memory() {
    const m = tf.memory();
    return { tensors: m.numTensors, tfBytes: m.numBytes };
  },
};

Comlink.expose(api);
