// Conv2DBackpropFilter for the tfjs wasm backend. tfjs-backend-wasm 4.22 ships Conv2D and
// Conv2DBackpropInput but not this kernel, so training a conv net on wasm throws at the first
// backward pass, and the pure-JS cpu backend spends seconds per batch in it.
//
//   dW[kh,kw,ci,co] = sum over (n,oh,ow) of xPadded[n, oh*sh+kh, ow*sw+kw, ci] * dy[n,oh,ow,co]
//
// which is one matrix product once the input is unrolled (im2col):
//   patches[m, k]  with m = (n,oh,ow) and k = (kh,kw,ci)   -> [M, K]
//   dWᵀ = dyᵀ [Cout, M] @ patches [M, K]                    -> [Cout, K], transposed to [fh,fw,Cin,Cout]
//
// Why this shape of implementation (measured on a 2-core x86, batch 32, layer 64x64x16 -> 3x3x16x16,
// stride 2): composing the unroll from wasm StridedSlice/Concat costs ~620 ms (strided slices take
// the generic slow path), wasm Conv3DBackpropFilterV2 on a depth-1 volume ~180 ms, this ~25 ms.
// The unroll is a JS loop writing straight into a wasm-heap tensor (contiguous Cin-long copies);
// the product runs in the backend's BatchMatMul (XNNPACK), which is only fast without transpose
// flags, hence the explicit Transposes of dy and of the result.
import {
  backend_util,
  getKernel,
  registerKernel,
  type KernelBackend,
  type KernelConfig,
  type KernelFunc,
  type NamedAttrMap,
  type TensorInfo,
} from '@tensorflow/tfjs';

const KERNEL_NAME = 'Conv2DBackpropFilter';
const BACKEND = 'wasm';

interface Conv2DBackpropFilterAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/** The parts of BackendWasm this kernel uses (the class is not exported with these members typed). */
interface WasmBackendLike extends KernelBackend {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array;
}

/** Runs another wasm kernel directly (not through the engine), returning its raw output. */
function runWasmKernel(
  name: string,
  backend: KernelBackend,
  inputs: Record<string, TensorInfo>,
  attrs: NamedAttrMap,
): TensorInfo {
  const kernel = getKernel(name, BACKEND);
  if (!kernel) throw new Error(`wasm backend has no ${name} kernel`);
  const out = kernel.kernelFunc({ inputs: inputs as never, backend, attrs });
  if (Array.isArray(out)) throw new Error(`${name} returned several outputs`);
  return out;
}

/** im2col: one row per output position (n,oh,ow), columns ordered (kh,kw,ci) like the filter. */
function unrollPatches(
  x: Float32Array,
  patches: Float32Array,
  info: backend_util.Conv2DInfo,
): void {
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  let p = 0;
  for (let n = 0; n < batchSize; n++) {
    const imageBase = n * inHeight * inWidth * c;
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        for (let kh = 0; kh < filterHeight; kh++) {
          const ih = oh * strideHeight + kh - padInfo.top;
          const rowInside = ih >= 0 && ih < inHeight;
          for (let kw = 0; kw < filterWidth; kw++) {
            const iw = ow * strideWidth + kw - padInfo.left;
            if (!rowInside || iw < 0 || iw >= inWidth) {
              patches.fill(0, p, p + c);
            } else {
              const src = imageBase + (ih * inWidth + iw) * c;
              // set() has a fixed cost that only pays off for longer runs.
              if (c >= 16) patches.set(x.subarray(src, src + c), p);
              else for (let i = 0; i < c; i++) patches[p + i] = x[src + i]!;
            }
            p += c;
          }
        }
      }
    }
  }
}

export function conv2DBackpropFilterWasm(args: {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: KernelBackend;
  attrs: Conv2DBackpropFilterAttrs;
}): TensorInfo {
  const { inputs, attrs } = args;
  const backend = args.backend as WasmBackendLike;
  const { x, dy } = inputs;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  if (dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter (wasm): only NHWC is supported');
  if (x.dtype !== 'float32' || dy.dtype !== 'float32') {
    throw new Error('Conv2DBackpropFilter (wasm): only float32 is supported');
  }
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  const rows = info.batchSize * info.outHeight * info.outWidth;
  const cols = info.filterHeight * info.filterWidth * info.inChannels;

  const temporaries: TensorInfo[] = [];
  const keep = (t: TensorInfo): TensorInfo => (temporaries.push(t), t);
  try {
    const patches = keep(backend.makeOutput([1, rows, cols], 'float32'));
    // Heap views are taken after the allocation: growing wasm memory detaches older views.
    unrollPatches(backend.typedArrayFromHeap(x), backend.typedArrayFromHeap(patches), info);
    const dy2d = keep(runWasmKernel('Reshape', backend, { x: dy }, { shape: [rows, info.outChannels] }));
    const dyT = keep(runWasmKernel('Transpose', backend, { x: dy2d }, { perm: [1, 0] }));
    const dyT3d = keep(runWasmKernel('Reshape', backend, { x: dyT }, { shape: [1, info.outChannels, rows] }));
    const dWT = keep(
      runWasmKernel('BatchMatMul', backend, { a: dyT3d, b: patches }, { transposeA: false, transposeB: false }),
    );
    const dWT2d = keep(runWasmKernel('Reshape', backend, { x: dWT }, { shape: [info.outChannels, cols] }));
    const dW = keep(runWasmKernel('Transpose', backend, { x: dWT2d }, { perm: [1, 0] }));
    // Reshape shares dW's data (refcounted), so dW itself can be released with the temporaries.
    return runWasmKernel('Reshape', backend, { x: dW }, { shape: filterShape });
  } finally {
    for (const t of temporaries) backend.disposeData(t.dataId);
  }
}

export const conv2DBackpropFilterWasmConfig: KernelConfig = {
  kernelName: KERNEL_NAME,
  backendName: BACKEND,
  kernelFunc: conv2DBackpropFilterWasm as unknown as KernelFunc,
};

/** Registers the kernel unless the wasm backend already has one (a later tfjs may ship it). */
export function registerConv2DBackpropFilterWasm(): void {
  if (getKernel(KERNEL_NAME, BACKEND)) return;
  registerKernel(conv2DBackpropFilterWasmConfig);
}
