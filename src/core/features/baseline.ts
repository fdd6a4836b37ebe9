// The seed baseline everyone knows: variance of the Laplacian, blurry below 100.

import type { LumaImage } from '../types.ts';
import type { OpenCv } from '../image/opencv-types.ts';
import { lumaToMat, withMats } from '../image/image.ts';

/** The classic threshold from the well-known OpenCV recipe; deliberately not tuned. */
export const LAPLACIAN_BLUR_THRESHOLD = 100;

/**
 * Full-image variance of cv.Laplacian(gray, CV_64F, ksize 1), blurry when below 100. The luma is
 * rounded to 8 bits first, exactly like the recipe's uint8 grayscale input (opencv.js cannot take
 * float input to a CV_64F Laplacian anyway).
 */
export function laplacian100(cv: OpenCv, luma: LumaImage): { variance: number; blurry: boolean } {
  const variance = withMats(cv, (scope) => {
    const gray32 = scope.keep(lumaToMat(cv, luma));
    const gray8 = scope.mat();
    const lap = scope.mat();
    const mean = scope.mat();
    const std = scope.mat();
    gray32.convertTo(gray8, cv.CV_8U);
    cv.Laplacian(gray8, lap, cv.CV_64F, 1);
    cv.meanStdDev(lap, mean, std);
    return std.data64F[0] ** 2;
  });
  return { variance, blurry: variance < LAPLACIAN_BLUR_THRESHOLD };
}
