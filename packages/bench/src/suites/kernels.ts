import { hrtimeMs, simdCsrMatMul, summarize } from '@coin-gnn/core';
import {
  addSelfLoops,
  type CsrMatrix,
  csrMatMulImpl,
  csrTransposeMatMulImpl,
  Rng,
  spmv,
} from '@coin-gnn/graph';
import { benchEnvironment } from '../measure/environment.js';
import { timeCalls } from '../measure/timer.js';
import { stochasticBlockModel } from '../synthetic/stochastic-block-model.js';
import { DEFAULT_SEED, type Suite, type SuiteOptions } from './suite.js';
import { type KernelRecord, SUITE_RESULT_SCHEMA_VERSION, type SuiteResult } from './suite-result.js';

/** Dense column counts measured: Cora's 7 classes, and common hidden sizes. */
const COLUMN_COUNTS = [7, 16, 64, 128];

/** Calls per timing: untimed warm-up, then at least 5 timed calls and 300 ms (see `timeCalls`). */
const TIMING = { warmup: 3, minCalls: 5, minTotalMs: 300 } as const;

/**
 * The graphs of the kernels suite, both stochastic block models with self loops added (the sparsity pattern of
 * Â = D̃^{-1/2}(A + I)D̃^{-1/2}): one of Cora's size (2708 nodes, 5278 edges drawn, about 13 250 stored
 * nonzeros with the loops) and one with 10⁶ undirected edges (10⁵ nodes, mean degree 20, about 2.1·10⁶ stored nonzeros).
 */
function kernelGraphs(seed: number): { name: string; matrix: CsrMatrix }[] {
  return [
    { name: 'cora-size', numNodes: 2708, avgDegree: (2 * 5278) / 2708, numClasses: 7 },
    { name: '1M-edge', numNodes: 100_000, avgDegree: 20, numClasses: 10 },
  ].map(({ name, numNodes, avgDegree, numClasses }) => ({
    name,
    matrix: addSelfLoops(
      stochasticBlockModel({
        numNodes,
        avgDegree,
        numClasses,
        numFeatures: numClasses,
        wordsPerNode: 1,
        seed,
      }).adjacency,
    ),
  }));
}

/**
 * `kernels`: the CPU sparse kernels alone, without the tensor engine: the graph package's sparse × dense
 * `csrMatMulImpl` (A B), its transposed form `csrTransposeMatMulImpl` (Aᵀ B), beside each the core package's
 * WebAssembly SIMD `simdCsrMatMul` on the same operands (kernels `simdCsrMatMul`, `simdCsrTransposeMatMul`;
 * the copies into and out of its memory included, as the core package's cpu kernels call it), and `spmv` (A x), in
 * ms per call, each writing into a preallocated output. B is row-major Float32 with 7, 16, 64 and 128 columns, on
 * a Cora-size graph and a 10⁶-edge graph (see `kernelGraphs`). Each measurement: 3 warm-up calls, then at
 * least 5 calls and 300 ms; median, 10th and 90th percentile per call, and GFLOP/s = 2·nnz·columns / median.
 * Reads `seed` and `onProgress`.
 */
export const kernelsSuite: Suite = {
  name: 'kernels',
  description:
    'sparse kernels alone: A·B, Aᵀ·B (scalar and WebAssembly SIMD), A·x in ms per call on a Cora-size and a 10⁶-edge graph',
  async run(options: SuiteOptions = {}): Promise<SuiteResult> {
    const environment = benchEnvironment('none (typed-array kernels)', options.command);
    const start = process.hrtime.bigint();
    const seed = options.seed ?? DEFAULT_SEED;
    const rng = new Rng(seed);
    const kernelRuns: KernelRecord[] = [];
    const record = (graph: string, a: CsrMatrix, kernel: string, bCols: number, fn: () => unknown): void => {
      const msPerCall = summarize(timeCalls(fn, TIMING));
      const gflops = (2 * a.nnz * bCols) / (msPerCall.median * 1e6);
      kernelRuns.push({
        graph,
        numRows: a.numRows,
        numCols: a.numCols,
        nnz: a.nnz,
        kernel,
        bCols,
        msPerCall,
        gflops,
      });
      options.onProgress?.(
        `kernels ${graph} ${kernel} cols=${bCols}: ${msPerCall.median.toFixed(3)} ms/call ` +
          `(p10 ${msPerCall.p10.toFixed(3)}, p90 ${msPerCall.p90.toFixed(3)}, ${msPerCall.count} calls)`,
      );
    };
    for (const { name, matrix: a } of kernelGraphs(seed)) {
      const { indptr, indices, values, numRows, numCols } = a;
      const x = Float32Array.from({ length: numCols }, () => rng.normal());
      const y = new Float32Array(numRows);
      record(name, a, 'spmv', 1, () => spmv(a, x, y));
      for (const bCols of COLUMN_COUNTS) {
        const b = Float32Array.from({ length: numCols * bCols }, () => rng.normal());
        const out = new Float32Array(numRows * bCols);
        record(name, a, 'csrMatMul', bCols, () =>
          csrMatMulImpl(indptr, indices, values, numRows, b, bCols, out),
        );
        record(name, a, 'simdCsrMatMul', bCols, () =>
          simdCsrMatMul(indptr, indices, values, numRows, numCols, b, bCols, false, out),
        );
        const bt = Float32Array.from({ length: numRows * bCols }, () => rng.normal());
        const outT = new Float32Array(numCols * bCols);
        record(name, a, 'csrTransposeMatMul', bCols, () =>
          csrTransposeMatMulImpl(indptr, indices, values, numRows, numCols, bt, bCols, outT),
        );
        record(name, a, 'simdCsrTransposeMatMul', bCols, () =>
          simdCsrMatMul(indptr, indices, values, numRows, numCols, bt, bCols, true, outT),
        );
      }
    }
    return {
      schemaVersion: SUITE_RESULT_SCHEMA_VERSION,
      suite: 'kernels',
      environment,
      settings: {
        columnCounts: COLUMN_COUNTS,
        seed,
        warmupCalls: TIMING.warmup,
        minCalls: TIMING.minCalls,
        minTotalMs: TIMING.minTotalMs,
      },
      trainRuns: [],
      kernelRuns,
      stability: [],
      wallSeconds: hrtimeMs(start) / 1000,
    };
  },
};
