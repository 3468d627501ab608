/**
 * How to make a directed graph undirected, for the errors of functions that need a symmetric operator
 * (`lambdaMax`, `stableStep`, implicit diffusion, COIN's step bounds): symmetrise the adjacency before
 * building the operator.
 */
export const UNDIRECTED_GRAPH_HINT =
  'symmetrise its adjacency first with symmetrize(adjacency) of @coin-gnn/graph, or a dataset with ' +
  'toUndirected(dataset) of @coin-gnn/datasets';
