/** Test fixtures and helpers for coin-gnn packages (`@coin-gnn/graph/testing`). */
export {};
