export { type KnnGraphOptions, knnGraph } from './build/knn-graph.js';
export { checkNewName } from './check-new-name.js';
export {
  type BlockOperator,
  CG_DEFAULTS,
  type ConjugateGradientOptions,
  type ConjugateGradientResult,
  conjugateGradient,
} from './diffusion/conjugate-gradient.js';
export { diagonalSymmetrizer } from './diffusion/diagonal-symmetrizer.js';
export { type ExplicitSubstepsOptions, explicitSubsteps } from './diffusion/explicit-substeps.js';
export {
  type FedSchedule,
  type FedScheduleOptions,
  fedMaxTime,
  fedSchedule,
  fedStepCount,
} from './diffusion/fed-schedule.js';
export { fedStepSizes } from './diffusion/fed-step-sizes.js';
export {
  type ImplicitDiffusionImplOptions,
  type ImplicitDiffusionImplResult,
  implicitDiffusionImpl,
} from './diffusion/implicit-diffusion-impl.js';
export {
  type ImplicitDiffusionSystem,
  implicitDiffusionSystem,
} from './diffusion/implicit-diffusion-system.js';
export { MAX_SCHEDULED_STEPS } from './diffusion/max-scheduled-steps.js';
export * from './errors.js';
export { coinLaplacian } from './operators/coin-laplacian.js';
export { combinatorialLaplacian } from './operators/combinatorial-laplacian.js';
export { type GcnNormOptions, gcnNorm } from './operators/gcn-norm.js';
export { normalizedLaplacian } from './operators/normalized-laplacian.js';
export { type RandomWalkOptions, randomWalk } from './operators/random-walk.js';
export { Mt19937 } from './random/mt19937.js';
export { Rng } from './random/rng.js';
export { addSelfLoops } from './sparse/add-self-loops.js';
export { coalesce } from './sparse/coalesce.js';
export { type ConnectedComponentsResult, connectedComponents } from './sparse/connected-components.js';
export { CsrMatrix } from './sparse/csr-matrix.js';
export { degrees } from './sparse/degrees.js';
export { type FromCooOptions, fromCoo } from './sparse/from-coo.js';
export { fromDense } from './sparse/from-dense.js';
export { type FromEdgeListOptions, fromEdgeList } from './sparse/from-edge-list.js';
export {
  type FromGraphologyOptions,
  type FromGraphologyResult,
  fromGraphology,
} from './sparse/from-graphology.js';
export { isSymmetric } from './sparse/is-symmetric.js';
export {
  type LargestConnectedComponentResult,
  largestConnectedComponent,
} from './sparse/largest-connected-component.js';
export { removeSelfLoops } from './sparse/remove-self-loops.js';
export { rowSums } from './sparse/row-sums.js';
export { selectRows } from './sparse/select-rows.js';
export { csrMatMulImpl, csrTransposeMatMulImpl, type SpmmOptions, spmm } from './sparse/spmm.js';
export { spmv } from './sparse/spmv.js';
export { subgraph } from './sparse/subgraph.js';
export { type SymmetrizeOptions, symmetrize } from './sparse/symmetrize.js';
export { type CooArrays, toCoo } from './sparse/to-coo.js';
export { toDense } from './sparse/to-dense.js';
export { type ToGraphologyOptions, toGraphology } from './sparse/to-graphology.js';
export { transpose } from './sparse/transpose.js';
export { UNDIRECTED_GRAPH_HINT } from './sparse/undirected-hint.js';
export { unweighted } from './sparse/unweighted.js';
export { gershgorinBound } from './spectral/gershgorin-bound.js';
export { type LambdaMaxOptions, lambdaMax } from './spectral/lambda-max.js';
export { maxOffDiagonalRowSum } from './spectral/max-off-diagonal-row-sum.js';
export { type StableStepResult, stableStep } from './spectral/stable-step.js';
