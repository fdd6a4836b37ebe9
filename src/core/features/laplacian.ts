// Variance of the Laplacian: the classic global focus measure, at several scales.

import type { LumaImage } from '../types.ts';
import type { CvMat, OpenCv } from '../image/opencv-types.ts';
import { downscaleMat, lumaToMat, withMats } from '../image/image.ts';

/**
 * Sum of squares of the ksize-1 Laplacian kernel [0 1 0; 1 -4 1; 0 1 0]: white noise of variance
 * s^2 adds LAPLACIAN_NOISE_GAIN * s^2 to the variance of the Laplacian.
 */
export const LAPLACIAN_NOISE_GAIN = 20;

/** Variance of the 3x3 (ksize 1) Laplacian of a CV_32F Mat; 0 when the Mat is empty. */
export function laplacianVarianceOfMat(cv: OpenCv, mat: CvMat): number {
  return laplacianOf(cv, mat, false).variance;
}

/** The 3x3 Laplacian response of a CV_32F Mat (copied out of the wasm heap) and its variance. */
export function laplacianOfMat(cv: OpenCv, mat: CvMat): { values: Float32Array; variance: number } {
  return laplacianOf(cv, mat, true);
}

function laplacianOf(cv: OpenCv, mat: CvMat, copy: boolean): { values: Float32Array; variance: number } {
  if (mat.rows * mat.cols === 0) return { values: new Float32Array(0), variance: 0 };
  return withMats(cv, (scope) => {
    const lap = scope.mat();
    const mean = scope.mat();
    const std = scope.mat();
    // BORDER_REFLECT_101 is opencv's default: mirrored borders add no false edges.
    cv.Laplacian(mat, lap, cv.CV_32F, 1, 1, 0, cv.BORDER_REFLECT_101);
    cv.meanStdDev(lap, mean, std);
    const sd = std.data64F[0];
    return { values: copy ? lap.data32F.slice() : new Float32Array(0), variance: sd * sd };
  });
}

/**
 * Variance of the Laplacian of the luma after an area downscale by `scale` (1 = as is, 2 = half size,
 * ...). Coarser scales see less noise and less of the finest texture, so comparing scales tells
 * blur (fine scales lose most) from noise (fine scales gain most).
 */
export function laplacianVariance(cv: OpenCv, luma: LumaImage, scale = 1): number {
  return withMats(cv, (scope) => {
    const full = scope.keep(lumaToMat(cv, luma));
    const scaled = scale > 1 ? scope.keep(downscaleMat(cv, full, scale)) : full;
    return laplacianVarianceOfMat(cv, scaled);
  });
}
