// Kernels the tfjs wasm backend lacks for training, registered before a model is fitted on it.
// Checked for our nets (conv2d + relu + global average pool + dense softmax, Adam, cross-entropy)
// and the whole-image ablation (adds max pooling and dense relu) by running their training steps
// on wasm: only Conv2DBackpropFilter is missing. Conv2DBackpropInput, MaxPoolGrad, AvgPoolGrad
// exist; batch-norm, relu, softmax and pooling-mean gradients are composed from existing ops.
// Still missing (unused here): DepthwiseConv2dNativeBackpropFilter/Input.
import { registerConv2DBackpropFilterWasm } from './conv2d-backprop-filter.ts';

export function registerTrainingKernels(): void {
  registerConv2DBackpropFilterWasm();
}
