import { modelConfig, selectBackend } from '@coin-gnn/core';
import { InvalidArgumentError } from '@coin-gnn/graph';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelFactory } from './model-factory.js';

describe('modelFactory', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });

  it("builds core's models with their training defaults and records the resolved options", () => {
    const sgc = modelFactory('sgc');
    expect(sgc.name).toBe('sgc');
    expect(sgc.training).toEqual({ optimizer: 'adam', lr: 0.2, weightDecay: 5e-6 });
    expect(modelFactory('sgc', {}, { weightDecay: 1e-5 }).training).toEqual({
      optimizer: 'adam',
      lr: 0.2,
      weightDecay: 1e-5,
    });
    expect(modelFactory('grand').training.optimizer).toBe('adamax');
    expect(modelFactory('grand', {}, { optimizer: 'adam' }).training.optimizer).toBe('adam');
    // Undefined entries keep the model's settings (a preset that names only some of them).
    expect(
      modelFactory('grand', {}, { optimizer: undefined, lr: 0.5, weightDecay: undefined }).training,
    ).toEqual({
      ...modelFactory('grand').training,
      lr: 0.5,
    });
    expect(sgc.options).toEqual({ numSteps: 2 });
    const coin = modelFactory('coin', { sigma2: 0.3, numSteps: undefined });
    expect(coin.options).toEqual({ numSteps: 20, sigma2: 0.3, scheme: 'explicit', substeps: false });
    const model = coin.create({ numFeatures: 5, numClasses: 3, seed: 1 });
    expect(modelConfig(model)).toEqual({
      model: 'coin',
      numFeatures: 5,
      numClasses: 3,
      options: coin.options,
    });
    const same = coin.create({ numFeatures: 5, numClasses: 3, seed: 1 });
    const values = (m: typeof model) => m.namedWeights().map((w) => Array.from(w.variable.dataSync()));
    expect(values(same)).toEqual(values(model));
    model.dispose();
    same.dispose();
  });

  it('rejects an unknown model or a bad option when made', () => {
    expect(() => modelFactory('no-such-model')).toThrow(InvalidArgumentError);
    expect(() => modelFactory('no-such-model')).toThrow(/one of coin, diff-resnet, gcn, appnp, sgc, mlp/);
    expect(() => modelFactory('gcn', { sigma2: 0.3 })).toThrow(InvalidArgumentError);
    expect(() => modelFactory('coin', { numSteps: -1 })).toThrow(InvalidArgumentError);
  });
});
