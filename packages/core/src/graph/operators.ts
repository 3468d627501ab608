import {
  addSelfLoops,
  type CsrMatrix,
  checkNewName,
  coinLaplacian,
  combinatorialLaplacian,
  gcnNorm,
  InvalidArgumentError,
  normalizedLaplacian,
  randomWalk,
  removeSelfLoops,
} from '@coin-gnn/graph';

/**
 * Builds a graph operator (a sparse numNodes × numNodes matrix) from the graph's adjacency A; called once
 * per graph and name, the result cached by `GraphTensors`.
 */
export type OperatorBuilder = (adjacency: CsrMatrix) => CsrMatrix;

/**
 * Names of the built-in graph operators, each a function of the graph package:
 * - `'gcn-norm'`: Â = D̃^{-1/2}(A + I)D̃^{-1/2} (GCN, APPNP, SGC);
 * - `'coin-laplacian'`: L = diag(Â1) − Â (COIN, Diff-ResNet);
 * - `'normalized-laplacian'`: I − D^{-1/2} A D^{-1/2};
 * - `'combinatorial-laplacian'`: D − A;
 * - `'random-walk'`: the random-walk operator of the graph package;
 * - `'adjacency'`: A itself (its edges are GraphSAGE's neighbourhoods);
 * - `'adjacency-self-loops'`: A with exactly one unit self loop per node, A − diag(A) + I (GAT's edges).
 */
export type BuiltinOperatorName =
  | 'gcn-norm'
  | 'coin-laplacian'
  | 'normalized-laplacian'
  | 'combinatorial-laplacian'
  | 'random-walk'
  | 'adjacency'
  | 'adjacency-self-loops';

/** Name of a registered operator: a built-in one or one added by {@link registerOperator}. */
export type OperatorName = BuiltinOperatorName | (string & {});

const operators = new Map<string, OperatorBuilder>([
  ['gcn-norm', gcnNorm],
  ['coin-laplacian', coinLaplacian],
  ['normalized-laplacian', normalizedLaplacian],
  ['combinatorial-laplacian', combinatorialLaplacian],
  ['random-walk', randomWalk],
  ['adjacency', (a) => a],
  ['adjacency-self-loops', (a) => addSelfLoops(removeSelfLoops(a), 1)],
]);

/**
 * Adds a graph operator that layers can then ask `GraphTensors` for by name (e.g. a `GraphDiffusion` with
 * `operator: name`).
 *
 * @param name - a new name
 * @param build - makes the operator from the adjacency
 * @throws {@link InvalidArgumentError} if the name is taken or empty
 * @example
 * registerOperator('lazy-walk', (a) => lazyRandomWalk(a)); // then new GraphDiffusion({ operator: 'lazy-walk', … })
 */
export function registerOperator(name: string, build: OperatorBuilder): void {
  checkNewName('registerOperator', name, operators.keys());
  operators.set(name, build);
}

/** The registered operator names, built-ins first. */
export function operatorNames(): string[] {
  return [...operators.keys()];
}

/**
 * The builder of operator `name`.
 * @throws {@link InvalidArgumentError} for a name never registered, listing the known ones
 */
export function operatorBuilder(name: OperatorName): OperatorBuilder {
  const build = operators.get(name);
  if (!build) {
    throw new InvalidArgumentError('GraphTensors', 'operator', name, `one of ${operatorNames().join(', ')}`);
  }
  return build;
}
