/** Test helpers for coin-gnn packages (`@coin-gnn/core/testing`). */
export { COMPOSED_TEST_BACKEND, testBackends } from './backends.js';
export { type CheckGradientsOptions, type CheckGradientsResult, checkGradients } from './check-gradients.js';
export { type DenseGraph, denseGraph } from './dense-graph.js';
export { graphOf } from './graph-of.js';
export { type RandomEdges, randomEdges, randomMatrix } from './random-edges.js';
