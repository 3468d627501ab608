// Type-checked from a project outside the repository with
// `tsc --strict --module nodenext --moduleResolution nodenext`: every entry point of every packed package.
import { runBench } from '@coin-gnn/bench';
import { createProgram } from '@coin-gnn/cli';
import { createModel, type NodeModel, train } from '@coin-gnn/core';
import { checkGradients } from '@coin-gnn/core/testing';
import { type GraphDataset, loadDataset } from '@coin-gnn/datasets';
import { runProtocol } from '@coin-gnn/experiments';
import { type CsrMatrix, InvalidArgumentError } from '@coin-gnn/graph';
import { denseMatMul } from '@coin-gnn/graph/testing';

const dataset: GraphDataset = await loadDataset('cora');
const model: NodeModel = createModel('coin', { numFeatures: dataset.numFeatures, numClasses: 7, seed: 0 });
const entryPoints: unknown[] = [runBench, createProgram, train, checkGradients, runProtocol, denseMatMul];
const error: Error = new InvalidArgumentError('check', 'x', 1, 'a string');
const matrix: CsrMatrix | null = null;
console.log(model.constructor.name, entryPoints.length, error.message, matrix);
