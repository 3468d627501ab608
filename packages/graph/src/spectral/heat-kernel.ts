import { InvalidArgumentError } from '../errors.js';
import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { fromCoo } from '../sparse/from-coo.js';
import { csrMatMulImpl } from '../sparse/spmm.js';
import { checkOperator } from './check-operator.js';
import { gershgorinBound } from './gershgorin-bound.js';
import { heatChebyshevCoefficients } from './heat-chebyshev-coefficients.js';

/** Options of {@link heatKernel}. */
export interface HeatKernelOptions {
  /** Entries below this value are dropped (default 0: every positive entry is kept). */
  threshold?: number;
  /** An upper bound b on the eigenvalues of L (default: its Gershgorin bound, 2 for normalised Laplacians). */
  spectralBound?: number;
  /** Size of the last Chebyshev coefficient kept (default 1e-9). */
  tol?: number;
  /** Columns computed together (default 128): memory 4 · numNodes · blockSize numbers. */
  blockSize?: number;
}

/**
 * The heat kernel of a graph Laplacian, sparsified:
 * $$ H = e^{-tL},\qquad H_{ij} \text{ kept when } H_{ij} \ge \text{threshold} $$
 * evaluated by its Chebyshev expansion on the spectrum [0, b] of L (Hammond, Vandergheynst & Gribonval,
 * "Wavelets on graphs via spectral graph theory", arXiv:0912.3848, §6):
 * $$ e^{-tL} = \sum_{k \ge 0} c_k\, T_k\!\left(\tfrac{2}{b} L - I\right),\qquad c_k \text{ of }
 *    e^{-a(1 + x)},\ a = \tfrac{t b}{2} $$
 * (see {@link heatChebyshevCoefficients}), applied to blocks of identity columns with the three-term
 * recurrence T_{k+1} = 2xT_k − T_{k−1}, so that only 4 · numNodes · blockSize numbers are held besides the
 * kept entries. Cost: (number of terms) · numNodes · nnz(L) multiply-adds; about 25 terms for t·b = 10.
 * L must have real eigenvalues in [0, b] (a symmetric positive semi-definite Laplacian such as
 * `normalizedLaplacian`) and non-positive off-diagonal entries, so that H ≥ 0 entrywise; negative round-off
 * entries are dropped with the small ones. Products in float32 (entries accurate to about 1e-6).
 *
 * @param laplacian - L, square (numNodes × numNodes)
 * @param t - diffusion time t ≥ 0
 * @param options - threshold, spectralBound, tol, blockSize
 * @returns H as a CSR matrix (numNodes × numNodes), sorted indices
 * @throws {@link ShapeMismatchError} if L is not square
 * @throws {@link InvalidArgumentError} if L is empty, t is negative or not finite, or an option is bad
 */
export function heatKernel(laplacian: CsrMatrix, t: number, options: HeatKernelOptions = {}): CsrMatrix {
  const fn = 'heatKernel';
  checkOperator(fn, laplacian);
  if (!Number.isFinite(t) || t < 0) throw new InvalidArgumentError(fn, 't', t, 'a finite number ≥ 0');
  const { threshold = 0, tol = 1e-9, blockSize = 128 } = options;
  if (!Number.isFinite(threshold) || threshold < 0) {
    throw new InvalidArgumentError(fn, 'threshold', threshold, 'a finite number ≥ 0');
  }
  if (!Number.isInteger(blockSize) || blockSize < 1) {
    throw new InvalidArgumentError(fn, 'blockSize', blockSize, 'a positive integer');
  }
  const bound = options.spectralBound ?? gershgorinBound(laplacian);
  if (!Number.isFinite(bound) || bound <= 0) {
    throw new InvalidArgumentError(fn, 'spectralBound', bound, 'a finite number > 0');
  }
  const coefficients = heatChebyshevCoefficients((t * bound) / 2, tol);
  const n = laplacian.numRows;
  const { indptr, indices, values } = laplacian;
  const rows: number[] = [];
  const cols: number[] = [];
  const kept: number[] = [];
  for (let first = 0; first < n; first += blockSize) {
    const width = Math.min(blockSize, n - first);
    let previous = new Float32Array(n * width); // T_{k−1}(x) E
    let current = new Float32Array(n * width); // T_k(x) E
    let next = new Float32Array(n * width);
    const sum = new Float64Array(n * width);
    for (let c = 0; c < width; c++) current[(first + c) * width + c] = 1;
    for (let k = 0; k < coefficients.length; k++) {
      if (k > 0) {
        // T_1 = x T_0, T_{k+1} = 2x T_k − T_{k−1}, with x = (2/b) L − I.
        csrMatMulImpl(indptr, indices, values, n, current, width, next);
        const scale = k === 1 ? 2 / bound : 4 / bound;
        const self = k === 1 ? 1 : 2;
        for (let p = 0; p < next.length; p++) {
          next[p] = scale * next[p] - self * current[p] - (k === 1 ? 0 : previous[p]);
        }
        [previous, current, next] = [current, next, previous];
      }
      const ck = coefficients[k];
      for (let p = 0; p < sum.length; p++) sum[p] += ck * current[p];
    }
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < width; c++) {
        const v = sum[i * width + c];
        if (v > 0 && v >= threshold) {
          rows.push(i);
          cols.push(first + c);
          kept.push(v);
        }
      }
    }
  }
  return fromCoo(rows, cols, kept, [n, n]);
}
