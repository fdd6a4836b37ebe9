// Node-only opencv.js loader (training, eval, tests). Never import this from src/core non-test code:
// the worker has its own loader, and core receives `cv` as a parameter.

import { createRequire } from 'node:module';
import type { OpenCv } from '../core/image/opencv-types.ts';

let loading: Promise<OpenCv> | null = null;

/**
 * Loads opencv.js once per process and resolves when its wasm runtime is ready.
 *
 * The emscripten module object is a thenable whose `then` calls back with the module itself, so
 * `await`ing it (or resolving a promise with it) recurses forever. We therefore wait for
 * onRuntimeInitialized instead, and remove `then` before handing the object out so callers can
 * safely `await loadOpenCvNode()`.
 */
export function loadOpenCvNode(): Promise<OpenCv> {
  loading ??= new Promise<OpenCv>((resolve, reject) => {
    try {
      const require = createRequire(import.meta.url);
      const cv = require('@techstark/opencv-js') as OpenCv & Record<string, unknown>;
      const ready = (): void => {
        delete cv.then;
        resolve(cv);
      };
      if (typeof cv.Mat === 'function') ready();
      else cv.onRuntimeInitialized = ready;
    } catch (error) {
      loading = null;
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  return loading;
}
