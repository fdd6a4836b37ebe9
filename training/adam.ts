// The optimiser every head layer is fitted with (the blur and type layers, the type perceptron,
// Platt calibration): plain Adam, deterministic, no tfjs.

/** Adam on a flat parameter vector with an optional projection after each step. */
export function adamMinimise(
  theta: Float64Array,
  gradient: (theta: Float64Array, grad: Float64Array) => void,
  iterations: number,
  learningRate: number,
  project: (theta: Float64Array) => void = () => {},
): void {
  const m = new Float64Array(theta.length);
  const v = new Float64Array(theta.length);
  const g = new Float64Array(theta.length);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  for (let t = 1; t <= iterations; t++) {
    g.fill(0);
    gradient(theta, g);
    for (let i = 0; i < theta.length; i++) {
      m[i] = b1 * m[i]! + (1 - b1) * g[i]!;
      v[i] = b2 * v[i]! + (1 - b2) * g[i]! * g[i]!;
      theta[i]! -= (learningRate * (m[i]! / (1 - b1 ** t))) / (Math.sqrt(v[i]! / (1 - b2 ** t)) + eps);
    }
    project(theta);
  }
}
