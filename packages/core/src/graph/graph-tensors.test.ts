import { CsrMatrix, gcnNorm, toDense } from '@coin-gnn/graph';
import { randomGraph } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { graphOf } from '../testing/graph-of.js';
import { GraphTensors } from './graph-tensors.js';

describe('GraphTensors derived caches', () => {
  it('builds a derived operator once per key, apart from the registered names, and frees it on dispose', () => {
    const adjacency = randomGraph(8, 0.4, 1);
    const graph = graphOf(adjacency);
    let builds = 0;
    const build = (a: typeof adjacency) => {
      builds++;
      return gcnNorm(a, { selfLoops: false });
    };
    const first = graph.derivedOperator('gcn-norm', build);
    expect(graph.derivedOperator('gcn-norm', build)).toBe(first);
    expect(builds).toBe(1);
    // the same key as a registered operator: the registered one is still Â with self loops
    expect(graph.operator('gcn-norm')).not.toBe(first);
    expect(toDense(graph.operatorMatrix('gcn-norm'))).toEqual(toDense(gcnNorm(adjacency)));
    const before = tf.memory().numTensors;
    graph.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  });

  it('keeps a derived tensor built inside tf.tidy, once per key, until dispose', () => {
    const graph = graphOf(randomGraph(5, 0.5, 2));
    let builds = 0;
    const build = () => {
      builds++;
      return tf.ones([5, 2]);
    };
    const t = tf.tidy(() => graph.derivedTensor('ones', build));
    expect(t.isDisposed).toBe(false);
    expect(graph.derivedTensor('ones', build)).toBe(t);
    expect(builds).toBe(1);
    graph.dispose();
    expect(t.isDisposed).toBe(true);
  });

  it("gives the features' pattern with 1s as 'binary', built once, the stored ones untouched", () => {
    const adjacency = randomGraph(6, 0.5, 3);
    const features = CsrMatrix.trusted(
      adjacency.shape,
      adjacency.indptr,
      adjacency.indices,
      Float32Array.from(adjacency.values, (_, k) => 0.25 * (k + 1)),
    );
    const graph = new GraphTensors({ numNodes: 6, numFeatures: 6, adjacency, features });
    const binary = toDense(graph.featureMatrix('binary'));
    expect(Array.from(binary)).toEqual(Array.from(toDense(features), (v) => (v !== 0 ? 1 : 0)));
    expect(graph.featureMatrix('stored')).toBe(features);
    const tensor = graph.features('binary');
    expect(graph.features('binary')).toBe(tensor);
    expect(Array.from(tensor.values.dataSync())).toEqual(Array.from(features.values, () => 1));
    expect(Array.from(graph.features().values.dataSync())).toEqual(Array.from(features.values));
    graph.dispose();
  });
});
