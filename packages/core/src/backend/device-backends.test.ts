import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createModel,
  GraphTensors,
  type ModelOptionValues,
  predictAsync,
  selectBackend,
  trainAsync,
} from '../index.js';
import { plantedPartition } from '../training/testing/planted-partition.js';
import type { EpochInfo, TrainResult } from '../training/train.js';
import { NO_GPU_STACK_ENV, SWIFTSHADER_ENV } from './vulkan-driver.js';
import { noGpuStack } from './webgpu-node.js';

/**
 * The models on the device backends against the cpu backend (its own typed-array kernels): same seed, same
 * graph, a few epochs; losses agree to float32 tolerance, accuracies exactly. 'webgpu' runs on whatever
 * Vulkan adapter is here (SwiftShader in CI, from `tools/scripts/install-swiftshader.sh`); it is skipped,
 * loudly, only when COIN_NO_GPU_STACK=1 says this machine has no GPU stack.
 */
const MODELS: readonly [string, ModelOptionValues][] = [
  ['gcn', {}],
  ['appnp', {}],
  ['coin', { scheme: 'explicit' }],
  // few implicit steps: each is a conjugate-gradient solve, slow on a software GPU
  ['coin', { scheme: 'implicit', numSteps: 2, sigma2: 1 }],
  ['coin', { scheme: 'fed' }],
  ['coin', { scheme: 'rk4', numSteps: 4 }],
  // not 'dopri5': its step-size control reads the error norm to the host at every step (a synchronous read,
  // which WebGPU in Node cannot do)
];
const EPOCHS = 4;
const data = plantedPartition(5);

/** Trains one model on the active backend; returns its result, epoch infos and its predictions after training. */
async function run(
  name: string,
  options: ModelOptionValues,
): Promise<[TrainResult, EpochInfo[], Int32Array]> {
  const graph = new GraphTensors(data);
  const model = createModel(name, {
    numFeatures: data.numFeatures,
    numClasses: data.numClasses,
    seed: 7,
    options,
  });
  const epochs: EpochInfo[] = [];
  try {
    const result = await trainAsync(
      model,
      { graph, labels: data.labels, split: data.split },
      { epochs: EPOCHS, seed: 3, onEpoch: (info) => epochs.push(info) },
    );
    return [result, epochs, await predictAsync(model, graph)];
  } finally {
    model.dispose();
    graph.dispose();
  }
}

/** |a − b| ≤ 2e-5 · max(1, |b|): float32 sums in another order. */
function expectClose(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs cpu ${expected}`).toBeLessThanOrEqual(
    2e-5 * Math.max(1, Math.abs(expected)),
  );
}

const skipWebGpu = noGpuStack();
if (skipWebGpu) {
  console.warn(
    `\n!!! ${NO_GPU_STACK_ENV}=1: the webgpu backend tests are SKIPPED (no Vulkan driver on this machine; ` +
      `run tools/scripts/install-swiftshader.sh and set ${SWIFTSHADER_ENV} to run them) !!!\n`,
  );
}

describe.each([
  ['wasm', false],
  ['webgpu', skipWebGpu],
] as const)('models on %s against cpu', (backend, skip) => {
  afterAll(async () => {
    await selectBackend('cpu');
  });

  it.skipIf(skip).each(MODELS)('%s %j', async (name, options) => {
    await selectBackend('cpu');
    const [expected, expectedEpochs, expectedClasses] = await run(name, options);
    expect(await selectBackend(backend)).toBe(backend);
    const [actual, actualEpochs, actualClasses] = await run(name, options);
    expect(tf.getBackend()).toBe(backend);
    expect(actualEpochs).toHaveLength(EPOCHS);
    for (const [i, info] of actualEpochs.entries()) {
      const want = expectedEpochs[i];
      expectClose(info.trainLoss, want.trainLoss, `epoch ${i + 1} training loss`);
      expectClose(info.valLoss, want.valLoss, `epoch ${i + 1} validation loss`);
      expect(info.valAcc).toBe(want.valAcc);
      // one read back to the host per epoch: its three numbers together
      expect(info.transfers.reads).toBe(1);
    }
    expectClose(actual.valLoss, expected.valLoss, 'restored validation loss');
    expect(actual.testAcc).toBe(expected.testAcc);
    expect(actual.bestEpoch).toBe(expected.bestEpoch);
    expect(actualClasses).toEqual(expectedClasses);
    // the implicit scheme's CG iterations, counted on the device and read once after training
    if (options.scheme === 'implicit') expect(expected.cgIterationsPerStep).toBeGreaterThan(0);
    if (expected.cgIterationsPerStep === undefined) expect(actual).not.toHaveProperty('cgIterationsPerStep');
    else
      expect(
        Math.abs((actual.cgIterationsPerStep ?? -10) - expected.cgIterationsPerStep),
      ).toBeLessThanOrEqual(1);
  });
});
