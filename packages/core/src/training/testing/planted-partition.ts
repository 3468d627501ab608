import { fromDense, Rng } from '@coin-gnn/graph';
import type { GraphData } from '../../graph/graph-tensors.js';

/** A small labelled graph for training tests, with a split. */
export interface PlantedPartition extends GraphData {
  readonly numClasses: number;
  readonly labels: Int32Array;
  readonly split: { train: Int32Array; val: Int32Array; test: Int32Array };
}

/**
 * A planted-partition graph (stochastic block model) for tests: `numClasses` blocks of `perClass` nodes,
 * edge probability `pIn` inside a block and `pOut` across; each node has `numFeatures` = 4·numClasses
 * binary features, its block's 4 features on with probability 0.5 and every feature on with probability 0.1,
 * rows normalised to sum 1. Split per class: 3 train, 3 val, the rest test. Deterministic in `seed`.
 */
export function plantedPartition(
  seed = 0,
  numClasses = 3,
  perClass = 20,
  pIn = 0.3,
  pOut = 0.02,
): PlantedPartition {
  const rng = new Rng(seed);
  const numNodes = numClasses * perClass;
  const numFeatures = 4 * numClasses;
  const labels = new Int32Array(numNodes);
  for (let i = 0; i < numNodes; i++) labels[i] = Math.floor(i / perClass);
  const adj = new Float32Array(numNodes * numNodes);
  for (let i = 0; i < numNodes; i++) {
    for (let j = i + 1; j < numNodes; j++) {
      if (rng.uniform() < (labels[i] === labels[j] ? pIn : pOut)) {
        adj[i * numNodes + j] = 1;
        adj[j * numNodes + i] = 1;
      }
    }
  }
  const feats = new Float32Array(numNodes * numFeatures);
  for (let i = 0; i < numNodes; i++) {
    let sum = 0;
    for (let f = 0; f < numFeatures; f++) {
      const own = Math.floor(f / 4) === labels[i];
      const on = rng.uniform() < (own ? 0.5 : 0) || rng.uniform() < 0.1;
      feats[i * numFeatures + f] = on ? 1 : 0;
      sum += on ? 1 : 0;
    }
    for (let f = 0; f < numFeatures && sum > 0; f++) feats[i * numFeatures + f] /= sum;
  }
  const train: number[] = [];
  const val: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < numNodes; i++) {
    const k = i % perClass;
    (k < 3 ? train : k < 6 ? val : test).push(i);
  }
  return {
    numNodes,
    numFeatures,
    numClasses,
    labels,
    adjacency: fromDense(adj, numNodes, numNodes),
    features: fromDense(feats, numNodes, numFeatures),
    split: { train: Int32Array.from(train), val: Int32Array.from(val), test: Int32Array.from(test) },
  };
}
