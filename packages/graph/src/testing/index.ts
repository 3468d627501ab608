/** Test fixtures and helpers for coin-gnn packages (`@coin-gnn/graph/testing`). */

export { type ByteMutation, byteMutation, mutateBytes, sizeFieldValue } from './byte-mutations.js';
export { denseMatMul } from './dense-mat-mul.js';
export { expectClose } from './expect-close.js';
export { expmAction } from './expm-action.js';
export { completeGraph, cycleGraph, pathGraph, randomCsr, randomGraph, starGraph } from './fixtures.js';
export { type SymmetricEigen, symmetricEigen } from './symmetric-eigen.js';
