import {
  coinSplitSeeds,
  FIRST_SPLIT_COST,
  type GraphDataset,
  loadDataset,
  MAX_FIRST_SPLIT,
  MAX_SPLIT_RUNS,
  protocolSplits,
  SPLIT_RUNS_COST,
  type Split,
} from '@coin-gnn/datasets';
import { InvalidArgumentError } from '@coin-gnn/graph';
import type { Command } from 'commander';

type Protocol = 'coin' | 'public';

interface DataOptions {
  dataset: string;
  protocol: Protocol;
  dataDir?: string;
  json?: boolean;
}

function protocolOption(command: string): (value: string) => Protocol {
  return (value) => {
    if (value !== 'coin' && value !== 'public') {
      throw new InvalidArgumentError(command, '--protocol', value, "'coin' or 'public'");
    }
    return value;
  };
}

/** An integer flag ≥ min, and ≤ max when given (past it the message gives `reason`, what more would cost). */
function integerOption(
  command: string,
  flag: string,
  min: number,
  max?: { readonly value: number; readonly reason: string },
): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isSafeInteger(n) || n < min || (max && n > max.value)) {
      const expected = max
        ? `an integer in [${min}, ${max.value}]${Number.isFinite(n) && n > max.value ? ` (${max.reason})` : ''}`
        : min > 0
          ? 'a positive integer'
          : 'a non-negative integer';
      throw new InvalidArgumentError(command, flag, value, expected);
    }
    return n;
  };
}

/** Split indices as rows of the source file (the dataset's originalIndex), sorted. */
function toFileRows(dataset: GraphDataset, indices: Int32Array): number[] {
  return Array.from(indices, (i) => dataset.originalIndex[i]).sort((a, b) => a - b);
}

function withCommonOptions(command: Command, name: string): Command {
  return command
    .requiredOption('--dataset <name>', 'dataset: cora, citeseer, pubmed, amazon-computers, amazon-photo, …')
    .option(
      '--protocol <name>',
      "'coin' (gnn-benchmark file, largest component) or 'public' (Planetoid)",
      protocolOption(name),
      'coin',
    )
    .option('--data-dir <dir>', 'download cache (default $COIN_DATA_DIR or ~/.cache/coin-gnn)')
    .option('--json', 'print JSON instead of text');
}

/**
 * Registers `coin data`: `coin data info` prints a dataset's size under a protocol (nodes, undirected edges,
 * features, feature nonzeros, classes, split sizes); `coin data splits` prints the protocol's splits with each
 * index the node's row in the source file, so other implementations can train on the same splits.
 */
export function registerDataCommand(program: Command): void {
  const data = program.command('data').description('datasets: sizes and the evaluation splits');

  withCommonOptions(data.command('info'), 'coin data info')
    .description('nodes, edges, features, classes and split sizes of a dataset')
    .action(async (opts: DataOptions) => {
      const dataset = await loadDataset(opts.dataset, { protocol: opts.protocol, dataDir: opts.dataDir });
      const [split] = protocolSplits(dataset, { protocol: opts.protocol, runs: 1, seed: 0 });
      const info = {
        dataset: dataset.name,
        protocol: opts.protocol,
        ...dataset.stats(),
        split: { train: split.train.length, val: split.val.length, test: split.test.length },
      };
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
        return;
      }
      const splitText =
        opts.protocol === 'coin'
          ? 'random per run: 20 / 30 per class, the rest test'
          : 'the public Planetoid split';
      const rows: [string, string | number][] = [
        ['dataset', `${info.dataset} (protocol ${info.protocol})`],
        ['nodes', info.numNodes],
        ['undirected edges', info.numEdges],
        ['features', info.numFeatures],
        ['feature nonzeros', info.featureNonzeros],
        ['classes', info.numClasses],
        [
          'split',
          `${info.split.train} train / ${info.split.val} val / ${info.split.test} test (${splitText})`,
        ],
      ];
      process.stdout.write(`${rows.map(([k, v]) => `${k.padEnd(18)}${v}`).join('\n')}\n`);
    });

  withCommonOptions(data.command('splits'), 'coin data splits')
    .description('train/val/test node indices per run, as rows of the source file')
    .option(
      '--runs <n>',
      'number of splits',
      integerOption('coin data splits', '--runs', 1, { value: MAX_SPLIT_RUNS, reason: SPLIT_RUNS_COST }),
      10,
    )
    .option(
      '--seed <n>',
      "master seed, as the official code's --seed: split r comes from RandomState(seed).randint(0, 1e6, runs)[r]",
      integerOption('coin data splits', '--seed', 0),
      42,
    )
    .option(
      '--first-split <n>',
      "start at this split of the seed's sequence",
      integerOption('coin data splits', '--first-split', 0, {
        value: MAX_FIRST_SPLIT,
        reason: FIRST_SPLIT_COST,
      }),
      0,
    )
    .action(async (opts: DataOptions & { runs: number; seed: number; firstSplit: number }) => {
      const dataset = await loadDataset(opts.dataset, { protocol: opts.protocol, dataDir: opts.dataDir });
      const { runs: numRuns, seed, firstSplit } = opts;
      const splits = protocolSplits(dataset, { protocol: opts.protocol, runs: numRuns, seed, firstSplit });
      const splitSeeds = opts.protocol === 'coin' ? coinSplitSeeds(seed, firstSplit + numRuns) : null;
      const runs = splits.map((split: Split, r: number) => ({
        run: firstSplit + r,
        seed: splitSeeds ? splitSeeds[firstSplit + r] : null,
        train: toFileRows(dataset, split.train),
        val: toFileRows(dataset, split.val),
        test: toFileRows(dataset, split.test),
      }));
      if (opts.json) {
        const out = {
          dataset: dataset.name,
          protocol: opts.protocol,
          seed: opts.seed,
          indexBase: 'source file row',
          runs,
        };
        process.stdout.write(`${JSON.stringify(out)}\n`);
        return;
      }
      const head = (xs: number[]) => `${xs.slice(0, 5).join(', ')}${xs.length > 5 ? ', …' : ''}`;
      const lines = runs.map(
        (r) =>
          `run ${r.run}${r.seed === null ? '' : ` (seed ${r.seed})`}: ${r.train.length} train [${head(r.train)}], ` +
          `${r.val.length} val, ${r.test.length} test`,
      );
      process.stdout.write(
        `${dataset.name}, protocol ${opts.protocol}; indices are rows of the source file (--json for all)\n` +
          `${lines.join('\n')}\n`,
      );
    });
}
