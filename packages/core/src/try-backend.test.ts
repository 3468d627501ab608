import * as tf from '@tensorflow/tfjs-core';
import { it } from 'vitest';
import { createModel, GraphTensors, selectBackend, train, trainAsync } from './index.js';
import { plantedPartition } from './training/testing/planted-partition.js';

it('tries', async () => {
  for (const b of ['cpu', 'wasm', 'webgpu'] as const) {
    await selectBackend(b);
    for (const [name, options] of [
      ['gcn', {}],
      ['appnp', {}],
      ['coin', { scheme: 'explicit' }],
      ['coin', { scheme: 'fed' }],
      ['coin', { scheme: 'implicit' }],
    ] as const) {
      const data = plantedPartition(1);
      const graph = new GraphTensors(data);
      const model = createModel(name, {
        numFeatures: data.numFeatures,
        numClasses: data.numClasses,
        seed: 1,
        options,
      });
      try {
        const r = await trainAsync(
          model,
          { graph, labels: data.labels, split: data.split },
          { epochs: 3, seed: 1 },
        );
        console.log(
          b,
          name,
          JSON.stringify(options),
          r.valLoss,
          r.valAcc,
          r.testAcc,
          JSON.stringify(r.transfersPerEpoch),
        );
      } catch (e) {
        console.log(b, name, 'FAIL', (e as Error).message.slice(0, 300));
      }
      model.dispose();
      graph.dispose();
    }
  }
}, 300_000);
