import { expectClose } from '@coin-gnn/graph/testing';
import { describe, it } from 'vitest';
import { SimdAdam } from './simd-adam.js';

describe('SimdAdam', () => {
  it('matches the Adam formula in float64 for weights of odd sizes, updating in place', () => {
    // The last weight spans three of the 16 384-entry chunks the update copies in at a time.
    const sizes = [7, 1, 5, 2 * 16384 + 5];
    const kernel = new SimdAdam(sizes);
    const h = { beta1: 0.9, beta2: 0.999, weightDecay: 5e-4, eps: 1e-8 };
    const thetas = sizes.map((n, w) => Float32Array.from({ length: n }, (_, j) => Math.sin(3 * j + w)));
    const want = thetas.map((t) => Array.from(t));
    const m = sizes.map((n) => new Array<number>(n).fill(0));
    const v = sizes.map((n) => new Array<number>(n).fill(0));
    for (let t = 1; t <= 4; t++) {
      const stepSize = 0.01 / (1 - h.beta1 ** t);
      const sqrtBias2 = Math.sqrt(1 - h.beta2 ** t);
      sizes.forEach((n, w) => {
        const grad = Float32Array.from({ length: n }, (_, j) => Math.cos(t * j + w));
        kernel.step(w, thetas[w], grad, thetas[w], { ...h, stepSize, sqrtBias2 });
        for (let j = 0; j < n; j++) {
          const g = grad[j] + h.weightDecay * want[w][j];
          m[w][j] = h.beta1 * m[w][j] + (1 - h.beta1) * g;
          v[w][j] = h.beta2 * v[w][j] + (1 - h.beta2) * g * g;
          want[w][j] -= stepSize * (m[w][j] / (Math.sqrt(v[w][j]) / sqrtBias2 + h.eps));
        }
      });
    }
    sizes.forEach((_, w) => {
      expectClose(thetas[w], want[w], 5e-6);
      expectClose(kernel.moments(w).v, v[w], 5e-7);
    });
  });
});
