// The contract between the page and the analysis workers (Squoosh-style: one typed bridge).
import type { Analysis } from '../core/types.ts';
import type { DetectorName } from '../core/analyze.ts';

export type { DetectorName };

/** The tfjs backends a worker can run on (src/worker/backend.ts picks one). */
export type BackendName = 'webgpu' | 'wasm' | 'webgl' | 'cpu';

export interface WorkerInit {
  /** Base URL of the exported models (model.json, fusion params). */
  modelBaseUrl: string;
  backend?: BackendName;
  /** wasm threads per worker: the cores the pool leaves over (usually 1, i.e. no threads). */
  threads?: number;
  /** Long side of the working image; see src/core/image/working-resolution.ts. */
  maxSide?: number;
}

export interface WorkerReady {
  backend: BackendName;
  backendDetail: string;
  /** Best detector the loaded models allow. */
  detector: DetectorName;
}

export interface AnalyzeOptions {
  detector?: DetectorName;
  /** Also return a JPEG thumbnail with this long side, made off the main thread. */
  thumbnail?: number;
}

export interface EdgeMapOptions {
  /** The photo's verdict was blurry: skip the smoothing that would erase its faint edges
   * (decided from the Laplacian variance when not given). */
  alreadyBlurry?: boolean;
}

export interface EdgeMap {
  width: number;
  height: number;
  edges: Uint8Array;
}

export interface PhotoAnalysis {
  analysis: Analysis;
  thumbnail?: Blob;
  /** modelMs covers patches, CNN and aggregation; cnnMs is the CNN's inference within it; faceMs
   * the face pass (detector, landmarks, face sharpness). */
  timings: { decodeMs: number; featuresMs: number; modelMs: number; cnnMs: number; faceMs: number; totalMs: number };
}

export interface AnalysisWorkerApi {
  init(options: WorkerInit): Promise<WorkerReady>;
  analyzePhoto(file: Blob, options?: AnalyzeOptions): Promise<PhotoAnalysis>;
  /** The blur-aware edge map at working resolution, for the viewer's overlay: decoded again, not
   * analysed again. */
  edgeMap(file: Blob, options?: EdgeMapOptions): Promise<EdgeMap>;
  /** Live tfjs tensors and opencv heap (soak tests watch these for leaks). */
  memory(): Promise<{ tensors: number; tfBytes: number }>;
}
