import { writeFile } from 'node:fs/promises';
import {
  type BackendName,
  loadModel,
  modelConfig,
  predictAsync,
  readModelInfo,
  selectBackend,
} from '@coin-gnn/core';
import { datasetFingerprint, type GraphDataset, loadDataset } from '@coin-gnn/datasets';
import { InvalidArgumentError as CoinArgumentError } from '@coin-gnn/graph';
import { type Command, Option } from 'commander';
import { backendOption } from '../options/backend-option.js';
import { datasetOption } from '../options/dataset-option.js';

/** Parsed flags of `coin predict`. */
interface PredictFlags {
  model: string;
  dataset: string;
  protocol: 'coin' | 'public';
  format: 'json' | 'csv';
  out?: string;
  force?: boolean;
  backend: BackendName;
}

/** One node's prediction: its row in the dataset, its row in the source file, name, class id and name. */
export interface NodePrediction {
  readonly node: number;
  readonly sourceRow: number;
  readonly name?: string;
  readonly predicted: number;
  readonly className?: string;
}

/** The predictions of every node of `dataset`, from the model's predicted class ids. */
export function nodePredictions(dataset: GraphDataset, predicted: Int32Array): NodePrediction[] {
  return Array.from(predicted, (c, node) => ({
    node,
    sourceRow: dataset.originalIndex[node],
    ...(dataset.nodeNames ? { name: dataset.nodeNames[node] } : {}),
    predicted: c,
    ...(dataset.classNames?.[c] === undefined ? {} : { className: dataset.classNames[c] }),
  }));
}

/** CSV with a header, one row per node; names are quoted, with inner quotes doubled. */
export function predictionsCsv(rows: readonly NodePrediction[]): string {
  const quote = (s: string | undefined) => (s === undefined ? '' : `"${s.replaceAll('"', '""')}"`);
  const lines = rows.map((r) =>
    [r.node, r.sourceRow, quote(r.name), r.predicted, quote(r.className)].join(','),
  );
  return `node,source_row,name,predicted,class_name\n${lines.join('\n')}\n`;
}

/**
 * Registers `coin predict`: loads a model saved by `coin train --out` (any registered model), runs it on a
 * dataset in evaluation mode and writes each node's predicted class as JSON (one object) or CSV, to stdout or
 * `--out`. The model's feature and class counts must match the dataset's, and the dataset must be the one it
 * was trained on (same fingerprint, see `datasetFingerprint`) unless `--force`: a Cora model scores chance on
 * the public split's Cora, whose nodes are in another order. `--backend` (default cpu: one forward pass needs
 * no GPU) picks the tensor backend; the classes are read back asynchronously, so WebGPU in Node works too.
 */
export function registerPredictCommand(program: Command): void {
  program
    .command('predict')
    .description('per-node predictions of a saved model on a dataset (JSON or CSV)')
    .requiredOption('--model <dir>', 'a model directory written by `coin train --out`')
    .addOption(datasetOption().makeOptionMandatory())
    .addOption(
      new Option(
        '--protocol <name>',
        'the dataset as the model was trained on it: COIN preprocessing or public',
      )
        .choices(['coin', 'public'])
        .default('coin'),
    )
    .addOption(new Option('--format <name>', 'output format').choices(['json', 'csv']).default('json'))
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--force', 'predict even on data other than the model was trained on (other fingerprint)')
    .addOption(backendOption().default('cpu'))
    .action(async (flags: PredictFlags) => {
      await selectBackend(flags.backend, { log: (line) => process.stderr.write(`warning: ${line}\n`) });
      const { trainedOn } = await readModelInfo(flags.model);
      const model = await loadModel(flags.model);
      try {
        const dataset = await loadDataset(flags.dataset, { protocol: flags.protocol });
        const config = modelConfig(model);
        for (const key of ['numFeatures', 'numClasses'] as const) {
          if (config && config[key] !== dataset[key]) {
            throw new CoinArgumentError(
              'coin predict',
              key,
              dataset[key],
              `${config[key]}, the model's (${flags.model} was trained on another dataset or protocol)`,
            );
          }
        }
        const fingerprint = datasetFingerprint(dataset);
        if (
          trainedOn?.datasetDigest !== undefined &&
          trainedOn.datasetDigest !== fingerprint &&
          !flags.force
        ) {
          throw new CoinArgumentError(
            'coin predict',
            'dataset',
            `${flags.dataset} (${flags.protocol} protocol, ${fingerprint.slice(0, 19)}…)`,
            `the data ${flags.model} was trained on, ${trainedOn.dataset} (${trainedOn.protocol} protocol, ` +
              `${String(trainedOn.datasetDigest).slice(0, 19)}…), or --force`,
          );
        }
        const rows = nodePredictions(dataset, await predictAsync(model, dataset));
        const text =
          flags.format === 'csv'
            ? predictionsCsv(rows)
            : `${JSON.stringify({ model: flags.model, dataset: flags.dataset, protocol: flags.protocol, predictions: rows })}\n`;
        if (flags.out) await writeFile(flags.out, text);
        else process.stdout.write(text);
      } finally {
        model.dispose();
      }
    });
}
