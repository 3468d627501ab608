/** Test fixtures and helpers for coin-gnn packages (`@coin-gnn/graph/testing`). */

export { expmAction } from '../diffusion/testing/expm-action.js';
export { denseMatMul } from './dense-mat-mul.js';
export { expectClose } from './expect-close.js';
export { completeGraph, cycleGraph, pathGraph, randomCsr, randomGraph, starGraph } from './fixtures.js';
