// What the export stage measured, for the model card (report/model-card.ts) and the run's export.json.

export interface ExportResult {
  modelsDir: string;
  cnnBytes: number;
  files: string[];
  /** Median ms over repeated runs on this machine (wasm, 1 thread). */
  cnnMs48: number;
  analyzeFusedMs: number;
}
