import type { NodeDataset, Split } from '@coin-gnn/datasets';
import { CsrMatrix, fromCoo, InvalidArgumentError, Rng } from '@coin-gnn/graph';
import ndarray from 'ndarray';

/** Options of {@link stochasticBlockModel}. Give either `avgDegree` + `homophily` or `pIn` + `pOut`. */
export interface StochasticBlockModelOptions {
  /** Number of nodes n (at least 2 per class). */
  readonly numNodes: number;
  /** Number of classes (blocks) k; class sizes differ by at most one. Default 5. */
  readonly numClasses?: number;
  /** Expected mean degree d̄ of the undirected graph. Default 8. Ignored when `pIn` and `pOut` are given. */
  readonly avgDegree?: number;
  /** Fraction h of edges that join two nodes of the same class. Default 0.8. Ignored with `pIn`/`pOut`. */
  readonly homophily?: number;
  /** Probability of an edge between two nodes of the same class. */
  readonly pIn?: number;
  /** Probability of an edge between two nodes of different classes. */
  readonly pOut?: number;
  /** Vocabulary size of the bag-of-words features. Default 500. */
  readonly numFeatures?: number;
  /** Words drawn per node (the nonzeros per feature row, fewer when a word repeats). Default 10. */
  readonly wordsPerNode?: number;
  /** Probability that a drawn word comes from the node's class topic rather than the whole vocabulary. Default 0.5. */
  readonly featureSignal?: number;
  /** Training nodes per class in the split. Default 20. */
  readonly trainPerClass?: number;
  /** Validation nodes (capped at half of the nodes left after training). Default 500. */
  readonly numVal?: number;
  /** Test nodes (capped at the nodes left after training and validation). Default 1000. */
  readonly numTest?: number;
  /** Seed of the {@link Rng}. Default 0. */
  readonly seed?: number;
}

/**
 * A synthetic node-classification dataset from a stochastic block model (Holland, Laskey & Leinhardt 1983)
 * with sparse bag-of-words features correlated with the class, for scaling benchmarks.
 *
 * Nodes get classes c(i) ∈ {0..k−1} in balanced blocks of size n_c (a seeded shuffle decides which node is in
 * which block). An undirected edge {i, j}, i ≠ j, has probability
 * $$ P(\{i,j\} \in E) = \begin{cases} p_{\mathrm{in}} & c(i) = c(j) \\ p_{\mathrm{out}} & c(i) \ne c(j) \end{cases} $$
 * With `avgDegree` d̄ and `homophily` h instead, the edge count is m = n d̄ / 2 with m_in = h m edges inside
 * classes, i.e. p_in = m_in / Σ_c n_c(n_c−1)/2 and p_out = (m − m_in) / ((n² − Σ_c n_c²)/2).
 *
 * Sampling is O(m), never O(n²): the numbers of intra- and inter-class edges are fixed at their expectations,
 * and each edge is a uniformly drawn pair of that kind (block chosen ∝ n_c(n_c−1), then two distinct members;
 * or a node and a member of another class). Pairs drawn twice are merged, so a dense block ends with slightly
 * fewer edges than expected; self loops never occur.
 *
 * Features: a row-normalised bag of words, numNodes × numFeatures CSR (each row's nonzeros equal 1/(its
 * number of distinct words), as the Planetoid features after normalisation). Class c owns the topic words
 * [c·⌊F/k⌋, (c+1)·⌊F/k⌋); each node draws `wordsPerNode` words, each from its class topic with probability
 * `featureSignal`, otherwise uniformly from the vocabulary; repeats are merged.
 *
 * Split (`publicSplit`): `trainPerClass` nodes of each class, then `numVal` and `numTest` nodes drawn from the
 * rest, all disjoint.
 *
 * @returns a {@link NodeDataset} named `sbm-<n>` whose adjacency stores both directions of every edge
 * @throws {@link InvalidArgumentError} on a non-integer or too small size, a probability outside [0, 1], a
 *   negative degree, or a vocabulary smaller than the number of classes
 * @example const data = stochasticBlockModel({ numNodes: 10_000, numClasses: 5, avgDegree: 10, seed: 1 });
 */
export function stochasticBlockModel(options: StochasticBlockModelOptions): NodeDataset {
  const fn = 'stochasticBlockModel';
  const {
    numNodes,
    numClasses = 5,
    avgDegree = 8,
    homophily = 0.8,
    numFeatures = 500,
    wordsPerNode = 10,
    featureSignal = 0.5,
    trainPerClass = 20,
    numVal = 500,
    numTest = 1000,
    seed = 0,
  } = options;
  const positiveInt = (name: string, value: number, min: number): void => {
    if (!Number.isInteger(value) || value < min) {
      throw new InvalidArgumentError(fn, name, value, `an integer ≥ ${min}`);
    }
  };
  const probability = (name: string, value: number): void => {
    if (!(value >= 0 && value <= 1))
      throw new InvalidArgumentError(fn, name, value, 'a probability in [0, 1]');
  };
  positiveInt('numClasses', numClasses, 2);
  positiveInt('numNodes', numNodes, 2 * numClasses);
  positiveInt('numFeatures', numFeatures, numClasses);
  positiveInt('wordsPerNode', wordsPerNode, 1);
  positiveInt('trainPerClass', trainPerClass, 1);
  positiveInt('numVal', numVal, 0);
  positiveInt('numTest', numTest, 0);
  probability('homophily', homophily);
  probability('featureSignal', featureSignal);
  if (!(avgDegree >= 0) || !Number.isFinite(avgDegree)) {
    throw new InvalidArgumentError(fn, 'avgDegree', avgDegree, 'a finite non-negative number');
  }
  if ((options.pIn === undefined) !== (options.pOut === undefined)) {
    throw new InvalidArgumentError(fn, 'pOut', options.pOut, 'given together with `pIn`');
  }
  if (options.pIn !== undefined) probability('pIn', options.pIn);
  if (options.pOut !== undefined) probability('pOut', options.pOut);
  const minNodesPerClass = Math.floor(numNodes / numClasses);
  if (trainPerClass >= minNodesPerClass) {
    throw new InvalidArgumentError(
      fn,
      'trainPerClass',
      trainPerClass,
      `smaller than the class size ${minNodesPerClass}`,
    );
  }

  const rng = new Rng(seed);
  // Blocks: `order` lists nodes class by class, class c at order[offset[c] .. offset[c+1]).
  const perm = rng.permutation(numNodes);
  const offset = new Int32Array(numClasses + 1);
  for (let c = 0; c < numClasses; c++)
    offset[c + 1] = offset[c] + Math.floor((numNodes + numClasses - 1 - c) / numClasses);
  const order = perm; // perm is uniform, so slicing it into blocks assigns classes at random
  const labels = new Int32Array(numNodes);
  for (let c = 0; c < numClasses; c++) for (let i = offset[c]; i < offset[c + 1]; i++) labels[order[i]] = c;

  const { intraEdges, interEdges } = edgeCounts(numNodes, offset, options, avgDegree, homophily);
  const adjacency = sampleEdges(rng.fork(), numNodes, labels, order, offset, intraEdges, interEdges);
  const features = sampleFeatures(rng.fork(), labels, numClasses, numFeatures, wordsPerNode, featureSignal);
  const publicSplit = sampleSplit(rng.fork(), order, offset, trainPerClass, numVal, numTest);
  const originalIndex = new Int32Array(numNodes);
  for (let i = 0; i < numNodes; i++) originalIndex[i] = i;
  return {
    name: `sbm-${numNodes}`,
    numNodes,
    numFeatures,
    numClasses,
    adjacency,
    features,
    labels: ndarray(labels, [numNodes]),
    originalIndex,
    publicSplit,
  };
}

function edgeCounts(
  numNodes: number,
  offset: Int32Array,
  options: StochasticBlockModelOptions,
  avgDegree: number,
  homophily: number,
): { intraEdges: number; interEdges: number } {
  let intraPairs = 0;
  let sumSquares = 0;
  for (let c = 0; c + 1 < offset.length; c++) {
    const size = offset[c + 1] - offset[c];
    intraPairs += (size * (size - 1)) / 2;
    sumSquares += size * size;
  }
  const interPairs = (numNodes * numNodes - sumSquares) / 2;
  if (options.pIn !== undefined && options.pOut !== undefined) {
    return {
      intraEdges: Math.round(options.pIn * intraPairs),
      interEdges: Math.round(options.pOut * interPairs),
    };
  }
  const numEdges = Math.round((numNodes * avgDegree) / 2);
  const intraEdges = Math.min(Math.round(homophily * numEdges), intraPairs);
  return { intraEdges, interEdges: Math.min(numEdges - intraEdges, interPairs) };
}

function sampleEdges(
  rng: Rng,
  numNodes: number,
  labels: Int32Array,
  order: Int32Array,
  offset: Int32Array,
  intraEdges: number,
  interEdges: number,
) {
  const numClasses = offset.length - 1;
  const total = intraEdges + interEdges;
  const rows = new Int32Array(2 * total);
  const cols = new Int32Array(2 * total);
  // Cumulative block weights n_c (n_c − 1) for choosing the block of an intra-class edge.
  const cumulative = new Float64Array(numClasses);
  let acc = 0;
  for (let c = 0; c < numClasses; c++) {
    const size = offset[c + 1] - offset[c];
    acc += size * (size - 1);
    cumulative[c] = acc;
  }
  for (let e = 0; e < total; e++) {
    let u: number;
    let v: number;
    if (e < intraEdges) {
      const r = rng.uniform() * acc;
      let c = 0;
      while (c < numClasses - 1 && cumulative[c] <= r) c++;
      const size = offset[c + 1] - offset[c];
      const a = rng.int(size);
      const b = (a + 1 + rng.int(size - 1)) % size; // a second, distinct member
      u = order[offset[c] + a];
      v = order[offset[c] + b];
    } else {
      u = rng.int(numNodes);
      const c = labels[u];
      const size = offset[c + 1] - offset[c];
      let j = rng.int(numNodes - size); // position in `order` with block c cut out
      if (j >= offset[c]) j += size;
      v = order[j];
    }
    rows[2 * e] = u;
    cols[2 * e] = v;
    rows[2 * e + 1] = v;
    cols[2 * e + 1] = u;
  }
  return fromCoo(rows, cols, undefined, [numNodes, numNodes], { duplicates: 'max' });
}

function sampleFeatures(
  rng: Rng,
  labels: Int32Array,
  numClasses: number,
  numFeatures: number,
  wordsPerNode: number,
  featureSignal: number,
) {
  const numNodes = labels.length;
  const topicSize = Math.floor(numFeatures / numClasses);
  const rows = new Int32Array(numNodes * wordsPerNode);
  const cols = new Int32Array(numNodes * wordsPerNode);
  let k = 0;
  for (let i = 0; i < numNodes; i++) {
    for (let w = 0; w < wordsPerNode; w++, k++) {
      rows[k] = i;
      cols[k] =
        rng.uniform() < featureSignal ? labels[i] * topicSize + rng.int(topicSize) : rng.int(numFeatures);
    }
  }
  const binary = fromCoo(rows, cols, undefined, [numNodes, numFeatures], { duplicates: 'max' });
  const values = new Float32Array(binary.nnz);
  for (let i = 0; i < numNodes; i++) {
    const start = binary.indptr[i];
    const end = binary.indptr[i + 1];
    values.fill(1 / (end - start), start, end);
  }
  return new CsrMatrix([numNodes, numFeatures], binary.indptr, binary.indices, values);
}

function sampleSplit(
  rng: Rng,
  order: Int32Array,
  offset: Int32Array,
  trainPerClass: number,
  numVal: number,
  numTest: number,
): Split {
  const numClasses = offset.length - 1;
  const train = new Int32Array(trainPerClass * numClasses);
  const rest: number[] = [];
  for (let c = 0; c < numClasses; c++) {
    const members = rng.shuffleInPlace(order.slice(offset[c], offset[c + 1]));
    train.set(members.subarray(0, trainPerClass), c * trainPerClass);
    for (let i = trainPerClass; i < members.length; i++) rest.push(members[i]);
  }
  rng.shuffleInPlace(rest);
  const valCount = Math.min(numVal, Math.floor(rest.length / 2));
  const testCount = Math.min(numTest, rest.length - valCount);
  return {
    train,
    val: Int32Array.from(rest.slice(0, valCount)),
    test: Int32Array.from(rest.slice(valCount, valCount + testCount)),
  };
}
