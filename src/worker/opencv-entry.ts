// opencv.js is a UMD bundle whose module object is a thenable (Emscripten's `then`):
// resolving a promise with it re-enters `then` forever. Importing it from this ES module
// keeps it out of promise resolution; callers get it wrapped in an object.
import cv from '@techstark/opencv-js';

export function openCvModule(): { cv: typeof cv } {
  return { cv };
}
