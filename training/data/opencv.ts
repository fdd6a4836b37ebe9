// opencv.js for the data generator. A stand-in for src/cli/opencv-node.ts (loadOpenCvNode), which a
// teammate is writing; switch to that once it lands so Node has one loader.
import { createRequire } from 'node:module';

export type OpenCv = typeof import('@techstark/opencv-js');

let loading: Promise<OpenCv> | null = null;

export function loadOpenCv(): Promise<OpenCv> {
  loading ??= new Promise<OpenCv>((resolve) => {
    const cv = createRequire(import.meta.url)('@techstark/opencv-js') as OpenCv;
    // The module object is a thenable: awaiting it hangs, so wait on the runtime hook instead.
    const ready = (): void => {
      // Strip `then` before resolving, or the promise machinery would treat cv as a thenable.
      delete (cv as unknown as { then?: unknown }).then;
      resolve(cv);
    };
    if ((cv as unknown as { Mat?: unknown }).Mat) ready();
    else (cv as unknown as { onRuntimeInitialized: () => void }).onRuntimeInitialized = ready;
  });
  return loading;
}
