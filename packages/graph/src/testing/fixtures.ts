import { InvalidArgumentError } from '../errors.js';
import { Rng } from '../random/rng.js';
import { checkInteger } from '../sparse/check.js';
import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { fromCoo } from '../sparse/from-coo.js';

/** Builds a symmetric unweighted adjacency matrix from undirected pairs {u, v}. */
function undirected(numNodes: number, pairs: Array<[number, number]>): CsrMatrix {
  const rows: number[] = [];
  const cols: number[] = [];
  for (const [u, v] of pairs) {
    rows.push(u, v);
    cols.push(v, u);
  }
  return fromCoo(rows, cols, undefined, [numNodes, numNodes], { duplicates: 'max' });
}

/**
 * The path graph P_n: edges {i, i+1}, i = 0..n−2. Combinatorial Laplacian spectrum
 * $$ \lambda_k = 2 - 2\cos(\pi k / n),\quad k = 0..n-1 $$
 * @param n - number of nodes, ≥ 1
 */
export function pathGraph(n: number): CsrMatrix {
  checkInteger('pathGraph', 'n', n, 1);
  return undirected(
    n,
    Array.from({ length: n - 1 }, (_, i): [number, number] => [i, i + 1]),
  );
}

/**
 * The cycle graph C_n: edges {i, (i+1) mod n}. Combinatorial Laplacian spectrum
 * $$ \lambda_k = 2 - 2\cos(2\pi k / n),\quad k = 0..n-1 $$
 * @param n - number of nodes, ≥ 3
 */
export function cycleGraph(n: number): CsrMatrix {
  checkInteger('cycleGraph', 'n', n, 3);
  return undirected(
    n,
    Array.from({ length: n }, (_, i): [number, number] => [i, (i + 1) % n]),
  );
}

/**
 * The star graph with n nodes: centre 0 joined to leaves 1..n−1. Combinatorial Laplacian spectrum
 * $$ \{0,\ 1^{(n-2)},\ n\} $$
 * @param n - number of nodes, ≥ 2
 */
export function starGraph(n: number): CsrMatrix {
  checkInteger('starGraph', 'n', n, 2);
  return undirected(
    n,
    Array.from({ length: n - 1 }, (_, i): [number, number] => [0, i + 1]),
  );
}

/**
 * The complete graph K_n (no self loops). Combinatorial Laplacian spectrum $$ \{0,\ n^{(n-1)}\} $$
 * @param n - number of nodes, ≥ 1
 */
export function completeGraph(n: number): CsrMatrix {
  checkInteger('completeGraph', 'n', n, 1);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
  return undirected(n, pairs);
}

/**
 * An Erdős–Rényi graph G(n, p): each pair {i, j}, i < j, is an edge with probability p, independently;
 * symmetric, unweighted, no self loops, reproducible from `seed` (see {@link Rng}).
 * @throws {@link InvalidArgumentError} if p ∉ [0, 1] or numNodes is not a non-negative integer
 */
export function randomGraph(numNodes: number, p: number, seed: number): CsrMatrix {
  checkInteger('randomGraph', 'numNodes', numNodes);
  checkProbability('randomGraph', 'p', p);
  const rng = new Rng(seed);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < numNodes; i++) {
    for (let j = i + 1; j < numNodes; j++) if (rng.uniform() < p) pairs.push([i, j]);
  }
  return undirected(numNodes, pairs);
}

/**
 * A random sparse matrix: each entry (i, j) is stored with probability `density`, independently, with a
 * value uniform in (0, 1]; reproducible from `seed`. Sorted column indices; rows may be empty.
 * @throws {@link InvalidArgumentError} if density ∉ [0, 1] or a dimension is not a non-negative integer
 */
export function randomCsr(numRows: number, numCols: number, density: number, seed: number): CsrMatrix {
  checkInteger('randomCsr', 'numRows', numRows);
  checkInteger('randomCsr', 'numCols', numCols);
  checkProbability('randomCsr', 'density', density);
  const rng = new Rng(seed);
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < numRows; i++) {
    for (let j = 0; j < numCols; j++) {
      if (rng.uniform() < density) {
        rows.push(i);
        cols.push(j);
        values.push(1 - rng.uniform());
      }
    }
  }
  return fromCoo(rows, cols, values, [numRows, numCols]);
}

function checkProbability(fn: string, name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError(fn, name, p, 'a probability in [0, 1]');
}
