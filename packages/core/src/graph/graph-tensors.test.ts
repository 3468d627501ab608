import { gcnNorm, toDense } from '@coin-gnn/graph';
import { randomGraph } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { graphOf } from '../testing/graph-of.js';

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
});
