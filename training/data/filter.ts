// Image filters through opencv.js: its filter2D switches to a DFT for big kernels, ~10x faster
// than a JS loop for the 25-61 px blur kernels used here.
import type { CvMat, OpenCv } from '../../src/core/image/opencv-types.ts';
import type { RgbImage, Plane } from './image.ts';
import type { Kernel } from './kernels.ts';

type Mat = CvMat;

function withMats<T>(mats: Mat[], body: () => T): T {
  try {
    return body();
  } finally {
    for (const m of mats) m.delete();
  }
}

function rgbMat(cv: OpenCv, image: RgbImage): Mat {
  const mat = new cv.Mat(image.height, image.width, cv.CV_32FC3);
  mat.data32F.set(image.data);
  return mat;
}

function planeMat(cv: OpenCv, plane: Plane): Mat {
  const mat = new cv.Mat(plane.height, plane.width, cv.CV_32FC1);
  mat.data32F.set(plane.data);
  return mat;
}

function kernelMat(cv: OpenCv, kernel: Kernel): Mat {
  const mat = new cv.Mat(kernel.size, kernel.size, cv.CV_32FC1);
  mat.data32F.set(kernel.data);
  return mat;
}

/** True convolution (kernel flipped: filter2D correlates) with mirrored borders, as a lens would
 * see the scene continue beyond the frame. */
export function convolveRgb(cv: OpenCv, image: RgbImage, kernel: Kernel): RgbImage {
  const src = rgbMat(cv, image);
  const ker = kernelMat(cv, flipKernel(kernel));
  const dst = new cv.Mat();
  return withMats([src, ker, dst], () => {
    cv.filter2D(src, dst, cv.CV_32F, ker, new cv.Point(-1, -1), 0, cv.BORDER_REFLECT_101);
    return { width: image.width, height: image.height, data: dst.data32F.slice() };
  });
}

export function convolvePlane(cv: OpenCv, plane: Plane, kernel: Kernel): Plane {
  const src = planeMat(cv, plane);
  const ker = kernelMat(cv, flipKernel(kernel));
  const dst = new cv.Mat();
  return withMats([src, ker, dst], () => {
    cv.filter2D(src, dst, cv.CV_32F, ker, new cv.Point(-1, -1), 0, cv.BORDER_REFLECT_101);
    return { width: plane.width, height: plane.height, data: dst.data32F.slice() };
  });
}

function flipKernel(kernel: Kernel): Kernel {
  const n = kernel.data.length;
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = kernel.data[n - 1 - i]!;
  return { size: kernel.size, data };
}

export function gaussianBlurRgb(cv: OpenCv, image: RgbImage, sigma: number): RgbImage {
  const src = rgbMat(cv, image);
  const dst = new cv.Mat();
  return withMats([src, dst], () => {
    cv.GaussianBlur(src, dst, new cv.Size(0, 0), sigma, sigma, cv.BORDER_REFLECT_101);
    return { width: image.width, height: image.height, data: dst.data32F.slice() };
  });
}

export function gaussianBlurPlane(cv: OpenCv, plane: Plane, sigma: number): Plane {
  const src = planeMat(cv, plane);
  const dst = new cv.Mat();
  return withMats([src, dst], () => {
    cv.GaussianBlur(src, dst, new cv.Size(0, 0), sigma, sigma, cv.BORDER_REFLECT_101);
    return { width: plane.width, height: plane.height, data: dst.data32F.slice() };
  });
}

/** Area-averaging downscale (what gallery apps and messengers do when they shrink a photo). */
export function resizeRgb(cv: OpenCv, image: RgbImage, width: number, height: number): RgbImage {
  const src = rgbMat(cv, image);
  const dst = new cv.Mat();
  return withMats([src, dst], () => {
    const shrinking = width <= image.width && height <= image.height;
    cv.resize(src, dst, new cv.Size(width, height), 0, 0, shrinking ? cv.INTER_AREA : cv.INTER_CUBIC);
    return { width, height, data: dst.data32F.slice() };
  });
}

export function resizePlane(cv: OpenCv, plane: Plane, width: number, height: number): Plane {
  const src = planeMat(cv, plane);
  const dst = new cv.Mat();
  return withMats([src, dst], () => {
    const shrinking = width <= plane.width && height <= plane.height;
    cv.resize(src, dst, new cv.Size(width, height), 0, 0, shrinking ? cv.INTER_AREA : cv.INTER_LINEAR);
    return { width, height, data: dst.data32F.slice() };
  });
}

/** Edge-preserving smoothing: the "watercolour" noise reduction phones apply at high ISO. */
export function bilateralRgb(cv: OpenCv, image: RgbImage, diameter: number, sigmaColor: number, sigmaSpace: number): RgbImage {
  const src = rgbMat(cv, image);
  const dst = new cv.Mat();
  return withMats([src, dst], () => {
    cv.bilateralFilter(src, dst, diameter, sigmaColor, sigmaSpace, cv.BORDER_REFLECT_101);
    return { width: image.width, height: image.height, data: dst.data32F.slice() };
  });
}
