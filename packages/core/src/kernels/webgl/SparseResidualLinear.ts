import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import {
  SparseResidualLinear,
  type SparseResidualLinearAttrs,
  SparseResidualLinearGrad,
  type SparseResidualLinearGradInputs,
  type SparseResidualLinearInputs,
} from '../../kernel-names.js';
import { csrMatMulWebgl, type WebglBackend, type WebglProgram } from './CsrMatMul.js';

/**
 * GLSL that walks row `coords.x` of X (inputs Indptr, Indices, Values) and leaves X_{i,c} in `x` (c =
 * `coords.y`, the sum of the row's entries in column c) and, with `weighted`, (XW)_{i,c} in `xw`.
 */
function rowWalk(weighted: boolean): string {
  return `
    ivec2 coords = getOutputCoords();
    int start = int(round(getIndptr(coords.x)));
    int end = int(round(getIndptr(coords.x + 1)));
    float x = 0.0;
    float xw = 0.0;
    for (int q = start; q < end; q++) {
      int j = int(round(getIndices(q)));
      float v = getValues(q);
      ${weighted ? 'xw += v * getWeight(j, coords.y);' : ''}
      if (j == coords.y) x += v;
    }`;
}

/** H = X + relu(XW + b), one pass over each row of X per output entry (no dense copy of X, no scatter). */
function forwardProgram(numRows: number, numCols: number): WebglProgram {
  return {
    variableNames: ['Indptr', 'Indices', 'Values', 'Weight', 'Bias'],
    outputShape: [numRows, numCols],
    userCode: `void main() { ${rowWalk(true)}
      setOutput(x + max(xw + getBias(coords.y), 0.0));
    }`,
  };
}

/** dZ = dH ⊙ [H − X > 0] (the relu's mask recovered from the output). */
function maskProgram(numRows: number, numCols: number): WebglProgram {
  return {
    variableNames: ['Indptr', 'Indices', 'Values', 'H', 'Dh'],
    outputShape: [numRows, numCols],
    userCode: `void main() { ${rowWalk(false)}
      float h = getH(coords.x, coords.y);
      setOutput(h - x > 0.0 ? getDh(coords.x, coords.y) : 0.0);
    }`,
  };
}

/** Column sums db_c = Σ_i dZ_{i c} (1 × F; reshaped by the caller's shape, F). */
function columnSumProgram(numRows: number, numCols: number): WebglProgram {
  return {
    variableNames: ['Dz'],
    outputShape: [numCols],
    userCode: `void main() {
      int c = getOutputCoords();
      float sum = 0.0;
      for (int i = 0; i < ${numRows}; i++) sum += getDz(i, c);
      setOutput(sum);
    }`,
  };
}

/**
 * `CoinSparseResidualLinear` on webgl: $$ H = X + \operatorname{relu}(XW + b) $$ in one fragment program
 * ({@link forwardProgram}). The composed kernel builds dense(X) with `scatterND`, which on webgl scans every
 * entry of X for every output entry (numRows · numCols · nnz reads: minutes for Cora on SwiftShader).
 */
export const sparseResidualLinearWebglConfig: KernelConfig = {
  kernelName: SparseResidualLinear,
  backendName: 'webgl',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { indptr, indices, values, weight, bias } = inputs as unknown as SparseResidualLinearInputs;
    const { numRows, numCols } = attrs as unknown as SparseResidualLinearAttrs;
    return (backend as unknown as WebglBackend).runWebGLProgram(
      forwardProgram(numRows, numCols),
      [indptr, indices, values, weight, bias],
      'float32',
    );
  },
};

/**
 * `CoinSparseResidualLinearGrad` on webgl: dZ = dH ⊙ [H − X > 0] ({@link maskProgram}), then
 * $$ dW = X^\top dZ,\qquad db = dZ^\top \mathbb 1 $$ with the webgl `CoinCsrMatMul` and a column sum.
 */
export const sparseResidualLinearGradWebglConfig: KernelConfig = {
  kernelName: SparseResidualLinearGrad,
  backendName: 'webgl',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { indptr, indices, values, rowIds, h, dh } = inputs as unknown as SparseResidualLinearGradInputs;
    const { numRows, numCols } = attrs as unknown as SparseResidualLinearAttrs;
    const webgl = backend as unknown as WebglBackend;
    const dz = webgl.runWebGLProgram(
      maskProgram(numRows, numCols),
      [indptr, indices, values, h, dh],
      'float32',
    );
    try {
      const dw = csrMatMulWebgl(
        webgl,
        { indptr, indices, values, rowIds, b: dz },
        { numRows, numCols, transposeA: true },
      );
      const db = webgl.runWebGLProgram(columnSumProgram(numRows, numCols), [dz], 'float32');
      return [dw, db] as TensorInfo[];
    } finally {
      webgl.disposeData(dz.dataId);
    }
  },
};
