// The opencv.js module object. Core code never loads opencv itself: the worker (browser) and
// src/node/opencv.ts (Node) load it once and pass it in as the first argument, so core stays
// pure, testable, and free of loader side effects.

export type OpenCv = typeof import('@techstark/opencv-js');

/** A cv.Mat instance. */
export type CvMat = InstanceType<OpenCv['Mat']>;
