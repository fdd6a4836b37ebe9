// Conv2DBackpropFilter for the tfjs wasm backend (4.22 ships Conv2D and Conv2DBackpropInput but
// not this one, so training a conv net on wasm throws at the first backward pass, and the pure-JS
// cpu backend is ~100x slower at it).
//
// dW[kh,kw,ci,co] = sum over (n,oh,ow) of xPadded[n, oh*sh+kh, ow*sw+kw, ci] * dy[n,oh,ow,co]
//
// We build that as one matrix product, entirely from kernels the wasm backend already has:
//   xT      = Transpose(x) to [Cin, N, H, W]           (channel-major, so every tap slice below is
//   xP      = PadV2(xT)                                  already one contiguous row of the patch matrix)
//   tap     = StridedSlice(xP) per (kh,kw) -> [Cin, N, Ho, Wo]
//   patches = Concat(taps, axis 0) -> [fh*fw*Cin, N*Ho*Wo]   (rows ordered kh, kw, ci = filter order)
//   dW      = BatchMatMul(patches, dy as [N*Ho*Wo, Cout]) -> [fh, fw, Cin, Cout]
// The patch matrix is built already transposed because the wasm BatchMatMul is fastest (XNNPACK)
// without transpose flags. Kernels are called directly on the backend (as tfjs backends compose
// kernels), so nothing is recorded on the gradient tape and every intermediate is freed here.
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

/** Runs another wasm kernel directly (not through the engine), returning its raw output. */
function runWasmKernel(
  name: string,
  backend: KernelBackend,
  inputs: Record<string, TensorInfo> | TensorInfo[],
  attrs: NamedAttrMap,
): TensorInfo {
  const kernel = getKernel(name, BACKEND);
  if (!kernel) throw new Error(`wasm backend has no ${name} kernel`);
  const out = kernel.kernelFunc({ inputs: inputs as never, backend, attrs });
  if (Array.isArray(out)) throw new Error(`${name} returned several outputs`);
  return out;
}

export function conv2DBackpropFilterWasm(args: {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: KernelBackend;
  attrs: Conv2DBackpropFilterAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, dy } = inputs;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  if (dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter (wasm): only NHWC is supported');
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
  const { batchSize, inChannels, outChannels, outHeight, outWidth, filterHeight, filterWidth } = info;
  const { strideHeight, strideWidth, padInfo } = info;

  const temporaries: TensorInfo[] = [];
  const keep = (t: TensorInfo): TensorInfo => (temporaries.push(t), t);
  try {
    const xT = keep(runWasmKernel('Transpose', backend, { x }, { perm: [3, 0, 1, 2] }));
    const needsPad = padInfo.top > 0 || padInfo.bottom > 0 || padInfo.left > 0 || padInfo.right > 0;
    const xP = needsPad
      ? keep(
          runWasmKernel('PadV2', backend, { x: xT }, {
            paddings: [
              [0, 0],
              [0, 0],
              [padInfo.top, padInfo.bottom],
              [padInfo.left, padInfo.right],
            ],
            constantValue: 0,
          }),
        )
      : xT;

    const taps: TensorInfo[] = [];
    for (let kh = 0; kh < filterHeight; kh++) {
      for (let kw = 0; kw < filterWidth; kw++) {
        taps.push(
          keep(
            runWasmKernel('StridedSlice', backend, { x: xP }, {
              begin: [0, 0, kh, kw],
              end: [inChannels, batchSize, kh + (outHeight - 1) * strideHeight + 1, kw + (outWidth - 1) * strideWidth + 1],
              strides: [1, 1, strideHeight, strideWidth],
              beginMask: 0,
              endMask: 0,
              ellipsisMask: 0,
              newAxisMask: 0,
              shrinkAxisMask: 0,
            }),
          ),
        );
      }
    }
    const rows = filterHeight * filterWidth * inChannels;
    const cols = batchSize * outHeight * outWidth;
    const stacked = taps.length === 1 ? taps[0]! : keep(runWasmKernel('Concat', backend, taps, { axis: 0 }));
    const patches = keep(runWasmKernel('Reshape', backend, { x: stacked }, { shape: [1, rows, cols] }));
    const dy2d = keep(runWasmKernel('Reshape', backend, { x: dy }, { shape: [1, cols, outChannels] }));
    const product = keep(
      runWasmKernel('BatchMatMul', backend, { a: patches, b: dy2d }, { transposeA: false, transposeB: false }),
    );
    // The result is returned, so it is not a temporary; a reshape shares its data (refcounted).
    return runWasmKernel('Reshape', backend, { x: product }, { shape: filterShape });
  } finally {
    for (const t of temporaries) backend.disposeData(t.dataId);
  }
}

export const conv2DBackpropFilterWasmConfig: KernelConfig = {
  kernelName: KERNEL_NAME,
  backendName: BACKEND,
  kernelFunc: conv2DBackpropFilterWasm as unknown as KernelFunc,
};

/** Registers the kernel unless the wasm backend already has one (a future tfjs may ship it). */
export function registerConv2DBackpropFilterWasm(): void {
  if (getKernel(KERNEL_NAME, BACKEND)) return;
  registerKernel(conv2DBackpropFilterWasmConfig);
}
