import { InvalidArgumentError } from '@coin-gnn/graph';
import { cycleGraph } from '@coin-gnn/graph/testing';
import { describe, expect, it } from 'vitest';
import { datasetNames, registerDataset } from './dataset-registry.js';
import { GraphDataset } from './graph-dataset.js';
import { loadDataset } from './load-dataset.js';

describe('registerDataset', () => {
  it('makes loadDataset load a user dataset by name, handing it the protocol', async () => {
    const protocols: unknown[] = [];
    registerDataset('test-ring', ({ protocol }) => {
      protocols.push(protocol);
      const adjacency = cycleGraph(6);
      return new GraphDataset({
        name: 'test-ring',
        adjacency,
        features: adjacency,
        labels: Int32Array.from([0, 0, 0, 1, 1, 1]),
        numClasses: 2,
      });
    });
    expect(datasetNames()).toContain('test-ring');
    expect(datasetNames().slice(0, 2)).toEqual(['cora', 'citeseer']);
    const ring = await loadDataset('test-ring');
    expect(ring.numNodes).toBe(6);
    expect(ring.stats().numEdges).toBe(6);
    await loadDataset('test-ring', { protocol: 'public' });
    expect(protocols).toEqual(['coin', 'public']);
  });

  it('rejects a taken or empty name', () => {
    expect(() => registerDataset('cora', () => Promise.reject(new Error('never')))).toThrow(
      InvalidArgumentError,
    );
    expect(() => registerDataset('', () => Promise.reject(new Error('never')))).toThrow(
      /a new, non-empty name/,
    );
  });
});
