import {
  createModel,
  GraphTensors,
  type ModelOptionValues,
  tf,
  train,
  trainingDefaults,
} from '@coin-gnn/core/browser';
import { coinProtocol, type GraphDataset, protocolSplits, type Split } from '@coin-gnn/datasets/browser';
import { selectRows, transpose } from '@coin-gnn/graph';

/** One short training run to compare between backends. */
export interface ModelRunSpec {
  /** Name in reports (`coin-explicit`). */
  readonly label: string;
  /** Registered model name. */
  readonly model: string;
  /** Options over the model's defaults. */
  readonly options?: ModelOptionValues;
}

/** The numbers of a run: per-epoch losses and validation accuracy, then the test accuracy of the best weights. */
export interface ModelRunNumbers {
  readonly label: string;
  /** The tfjs backend it ran on. */
  readonly backend: string;
  readonly trainLoss: number[];
  readonly valLoss: number[];
  readonly valAcc: number[];
  readonly testAcc: number;
}

/** COIN with each diffusion scheme, GCN and APPNP: the models the browser tests compare with the cpu backend. */
export const MODEL_RUN_SPECS: readonly ModelRunSpec[] = [
  { label: 'coin-explicit', model: 'coin', options: { scheme: 'explicit' } },
  { label: 'coin-implicit', model: 'coin', options: { scheme: 'implicit' } },
  { label: 'coin-fed', model: 'coin', options: { scheme: 'fed' } },
  { label: 'gcn', model: 'gcn' },
  { label: 'appnp', model: 'appnp' },
];

/** Epochs per run: enough for the optimiser state to matter, few because SwiftShader is slow. */
export const MODEL_RUN_EPOCHS = 3;

/** Seed of the weights (the dropout stream is seed + 1) and of the split. */
const SEED = 42;

/**
 * Feature columns the model tests keep: COIN's residual block is F × F, and SwiftShader (a CPU) is slow, so
 * the tests use Cora's graph with its first 256 words instead of 1433 (the backends' agreement is the point).
 */
export const MODEL_RUN_FEATURES = 256;

/**
 * Cora with its first `features` feature columns, as the COIN protocol prepares it (`coinProtocol`), and its
 * first COIN-protocol split (seed 42).
 */
export function coinCora(
  raw: GraphDataset,
  features = raw.numFeatures,
): { dataset: GraphDataset; split: Split } {
  const columns = Int32Array.from({ length: features }, (_, j) => j);
  const dataset = coinProtocol(
    features === raw.numFeatures
      ? raw
      : raw.with({ features: transpose(selectRows(transpose(raw.features), columns)) }),
  );
  const [split] = protocolSplits(dataset, { protocol: 'coin', runs: 1, seed: SEED });
  return { dataset, split };
}

/**
 * Trains `spec`'s model for {@link MODEL_RUN_EPOCHS} epochs on the active tfjs backend with seed 42 and the
 * model's training defaults, and returns its numbers. The same code runs in Node (cpu) and in the page.
 */
export function runModel(dataset: GraphDataset, split: Split, spec: ModelRunSpec): ModelRunNumbers {
  const graph = new GraphTensors(dataset);
  const model = createModel(spec.model, {
    numFeatures: dataset.numFeatures,
    numClasses: dataset.numClasses,
    seed: SEED,
    options: spec.options,
  });
  const trainLoss: number[] = [];
  const valLoss: number[] = [];
  const valAcc: number[] = [];
  try {
    const { optimizer, lr, weightDecay } = trainingDefaults(spec.model);
    const result = train(
      model,
      { graph, labels: dataset.labels.data, split },
      {
        epochs: MODEL_RUN_EPOCHS,
        optimizer,
        lr,
        weightDecay,
        seed: SEED + 1,
        onEpoch: (info) => {
          trainLoss.push(info.trainLoss);
          valLoss.push(info.valLoss);
          valAcc.push(info.valAcc);
        },
      },
    );
    return {
      label: spec.label,
      backend: tf.getBackend(),
      trainLoss,
      valLoss,
      valAcc,
      testAcc: result.testAcc,
    };
  } finally {
    model.dispose();
    graph.dispose();
  }
}
