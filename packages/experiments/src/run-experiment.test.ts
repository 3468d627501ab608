import { createModel, GraphTensors, selectBackend, train } from '@coin-gnn/core';
import { loadDataset, type NodeDataset, protocolSplits } from '@coin-gnn/datasets';
import { InvalidArgumentError, Rng } from '@coin-gnn/graph';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ModelFactory, modelFactory } from './model-factory.js';
import { type ExperimentOptions, type RunInfo, runExperiment } from './run-experiment.js';

let dataset: NodeDataset;
let base: ExperimentOptions;
beforeAll(async () => {
  await selectBackend('cpu');
  dataset = await loadDataset('cora');
  base = {
    dataset,
    splits: protocolSplits(dataset, { protocol: 'coin', runs: 2, seed: 42 }),
    model: modelFactory('gcn'),
    epochs: 4,
  };
});

describe('runExperiment', () => {
  it('trains splits × inits with the seed convention and reports them with their summary', async () => {
    const result = await runExperiment({ ...base, inits: 2, seed: 7 });
    const master = new Rng(7);
    const seeds = [0, 1, 2, 3].map(() => master.int(1_000_000));
    expect(result.runs.map((r) => [r.split, r.init])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    // Each run is core's train of a model initialised from the init seed, dropout seeded with it + 1.
    for (const [k, run] of result.runs.entries()) {
      const { numFeatures, numClasses } = dataset;
      const model = createModel('gcn', { numFeatures, numClasses, seed: seeds[k] });
      const graph = new GraphTensors(dataset);
      const want = train(
        model,
        { graph, labels: dataset.labels.data, split: base.splits[run.split] },
        { epochs: 4, lr: 0.01, weightDecay: 5e-4, seed: seeds[k] + 1 },
      );
      expect([run.testAcc, run.valAcc, run.epochs, run.clamped]).toEqual([
        want.testAcc,
        want.valAcc,
        want.epochs,
        want.clamped,
      ]);
      model.dispose();
      graph.dispose();
    }
    const accs = result.runs.map((r) => r.testAcc ?? Number.NaN);
    const mean = accs.reduce((a, b) => a + b, 0) / 4;
    expect(result.testAccMean).toBeCloseTo(mean, 12);
    expect(result.testAccStd).toBeCloseTo(Math.sqrt(accs.reduce((a, b) => a + (b - mean) ** 2, 0) / 4), 12);
    const sorted = result.runs.map((r) => r.msPerEpoch).sort((a, b) => a - b);
    expect(result.msPerEpochMedian).toBeCloseTo((sorted[1] + sorted[2]) / 2, 9);
  });

  it('calls the hooks in order, with the run and the trained model before it is freed', async () => {
    const events: string[] = [];
    const runs: RunInfo[] = [];
    let profiled = 0;
    await runExperiment({
      ...base,
      splits: base.splits.slice(0, 1),
      inits: 2,
      onStart: async (context) => {
        events.push('start');
        expect(context.splits).toHaveLength(1);
        profiled = (await context.trainOnce(3, context.splits[0], { epochs: 1 })).epochs;
      },
      onRunStart: (run) => {
        events.push(`run ${run.init}`);
        runs.push(run);
      },
      onEpoch: (info, run) => events.push(`epoch ${run.init}.${info.epoch}`),
      onRunEnd: async (record, model, run, result) => {
        await Promise.resolve();
        expect(model.namedWeights()[0].variable.isDisposed).toBe(false);
        expect(record.valAcc).toBe(result.valAcc);
        expect(Number.isFinite(result.valLoss)).toBe(true);
        events.push(`end ${run.init}`);
      },
    });
    expect(profiled).toBe(1);
    expect(events).toEqual([
      'start',
      ...[0, 1].flatMap((i) => [`run ${i}`, ...[1, 2, 3, 4].map((e) => `epoch ${i}.${e}`), `end ${i}`]),
    ]);
    // trainOnce drew no init seed: the runs have the seeds of new Rng(42).
    const master = new Rng(42);
    expect(runs.map((r) => r.seed)).toEqual([master.int(1_000_000), master.int(1_000_000)]);
    expect(runs[1]).toMatchObject({ split: 0, splitIndex: 0, init: 1, numSplits: 1, numInits: 2 });
  });

  it('continues a shared generator, skips the seeds of firstSplit splits, and leaves a given graph', async () => {
    const seedsOf = async (options: Partial<ExperimentOptions>) => {
      const seeds: number[] = [];
      await runExperiment({ ...base, epochs: 1, ...options, onRunStart: (r) => seeds.push(r.seed) });
      return seeds;
    };
    const whole = await seedsOf({ seed: 5 });
    const shared = new Rng(5);
    const graph = new GraphTensors(dataset);
    let disposed = false;
    const dispose = graph.dispose.bind(graph);
    graph.dispose = () => {
      disposed = true;
      dispose();
    };
    const first = await seedsOf({ seed: shared, splits: base.splits.slice(0, 1), graph });
    const second = await seedsOf({ seed: shared, splits: base.splits.slice(1), graph });
    expect([...first, ...second]).toEqual(whole);
    expect(await seedsOf({ seed: 5, splits: base.splits.slice(1), firstSplit: 1 })).toEqual(whole.slice(1));
    expect(disposed).toBe(false);
    graph.dispose();
  });

  it('runs any factory, with its training defaults unless overridden', async () => {
    let created = 0;
    const mlp = modelFactory('mlp');
    const factory: ModelFactory = {
      ...mlp,
      name: 'my-mlp',
      training: { lr: 0.05, weightDecay: 0 },
      create: (init) => {
        created += 1;
        return mlp.create(init);
      },
    };
    const a = await runExperiment({ ...base, model: factory });
    const b = await runExperiment({ ...base, model: factory, lr: 0.05, weightDecay: 0 });
    const c = await runExperiment({ ...base, model: factory, lr: 0.01 });
    expect(created).toBe(6);
    expect(b.runs).toEqual(
      a.runs.map((r, k) => ({
        ...r,
        msPerEpoch: b.runs[k].msPerEpoch,
        convergenceMs: b.runs[k].convergenceMs,
      })),
    );
    expect(c.runs.map((r) => r.valAcc)).not.toEqual(a.runs.map((r) => r.valAcc));
  });

  it('trains with the optimiser of the options, else the factory’s, else Adam', async () => {
    const mlp = modelFactory('mlp');
    const adamax: ModelFactory = { ...mlp, training: { ...mlp.training, optimizer: 'adamax' } };
    const { optimizer: _, ...withoutOptimizer } = mlp.training;
    const unnamed: ModelFactory = { ...mlp, training: withoutOptimizer };
    const valAccs = async (options: Partial<ExperimentOptions>) =>
      (await runExperiment({ ...base, epochs: 6, ...options })).runs.map((r) => [r.valAcc, r.testAcc]);
    // Each run is core's train with `optimizer` set (the first test checks the rest of the convention).
    const seed = new Rng(42).int(1_000_000);
    const model = createModel('mlp', {
      numFeatures: dataset.numFeatures,
      numClasses: dataset.numClasses,
      seed,
    });
    const graph = new GraphTensors(dataset);
    const want = train(
      model,
      { graph, labels: dataset.labels.data, split: base.splits[0] },
      { epochs: 6, lr: 0.01, weightDecay: 5e-4, optimizer: 'adamax', seed: seed + 1 },
    );
    model.dispose();
    graph.dispose();
    const byFactory = await valAccs({ model: adamax });
    expect(byFactory[0]).toEqual([want.valAcc, want.testAcc]);
    expect(await valAccs({ model: mlp, optimizer: 'adamax' })).toEqual(byFactory);
    const byAdam = await valAccs({ model: adamax, optimizer: 'adam' });
    expect(byAdam).not.toEqual(byFactory);
    expect(await valAccs({ model: unnamed })).toEqual(byAdam);
  });

  it.each([
    [{ inits: 0 }, 'inits'],
    [{ epochs: 2.5 }, 'epochs'],
    [{ patience: 0 }, 'patience'],
    [{ seed: -1 }, 'seed'],
    [{ firstSplit: -1 }, 'firstSplit'],
    [{ optimizer: 'adamw' }, /`optimizer` must be one of adam, adamax, got "adamw"/],
    [{ splits: [] }, 'splits'],
  ])('rejects %o with an InvalidArgumentError', async (bad, argument) => {
    const call = runExperiment({ ...base, ...(bad as Partial<ExperimentOptions>) });
    await expect(call).rejects.toThrow(InvalidArgumentError);
    await expect(call).rejects.toThrow(argument);
  });
});
