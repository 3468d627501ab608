import { basename, extname } from 'node:path';
import { datasetFromFiles, type GraphDataset, type SplitSpec } from '@coin-gnn/datasets';
import { type Command, InvalidArgumentError, Option } from 'commander';

/** The flags {@link addTableFlags} adds, as parsed. */
export interface TableFlags {
  features?: string;
  labelColumn?: string;
  labels?: string;
  idColumn?: string;
  edges?: string;
  knn: number;
  split: SplitSpec;
}

/** `--split <train>,<val>`: per class, counts (integers ≥ 1) or fractions (in (0, 1)). */
function parseSplit(value: string): SplitSpec {
  const parts = value.split(',').map((p) => Number(p.trim()));
  const ok = (v: number) => (Number.isInteger(v) && v >= 1) || (v > 0 && v < 1);
  if (parts.length !== 2 || !parts.every(ok)) {
    throw new InvalidArgumentError(
      `expected <train>,<val>, each a count per class (an integer ≥ 1) or a fraction in (0, 1), got "${value}".`,
    );
  }
  return { train: parts[0], val: parts[1] };
}

/**
 * The flags of a dataset read from files instead of `--dataset`: `--features` (CSV with a header row, or
 * NPY), `--label-column` or `--labels`, `--id-column`, `--edges` (an edge-list CSV; without it the kNN
 * graph of the features with `--knn` neighbours), and `--split` (per class, default 0.6,0.2).
 */
export function addTableFlags(command: Command): Command {
  return command
    .option(
      '--features <file>',
      'node features from a file instead of --dataset: CSV with a header row, or .npy',
    )
    .option('--label-column <name>', 'the label column of the --features CSV')
    .option('--labels <file>', 'or a labels file (.npy, or a one-column CSV)')
    .option('--id-column <name>', 'the node-id column of the --features CSV, as named in --edges')
    .option(
      '--edges <file>',
      'edge-list CSV (source,target[,weight]); default: the kNN graph of the features',
    )
    .addOption(
      new Option('--knn <k>', 'neighbours per node of the kNN graph (without --edges)')
        .argParser((v) => {
          const k = Number(v);
          if (!Number.isInteger(k) || k < 1)
            throw new InvalidArgumentError(`expected a positive integer, got "${v}".`);
          return k;
        })
        .default(10),
    )
    .addOption(
      new Option('--split <train,val>', 'split of --features data per class: counts or fractions')
        .argParser(parseSplit)
        .default({ train: 0.6, val: 0.2 }, '0.6,0.2'),
    );
}

/** The name of the dataset read from `--features <file>`: the file's name without its extension. */
export function tableName(features: string): string {
  return basename(features, extname(features));
}

/**
 * The dataset the table flags describe (`datasetFromFiles`), its split drawn from `seed`.
 * @throws {@link InvalidArgumentError} (commander's) when neither or both of --label-column and --labels are given
 */
export async function tableDataset(
  flags: TableFlags & { features: string },
  seed: number,
): Promise<GraphDataset> {
  if ((flags.labelColumn === undefined) === (flags.labels === undefined)) {
    throw new InvalidArgumentError('--features needs exactly one of --label-column and --labels.');
  }
  return datasetFromFiles({
    features: flags.features,
    labelColumn: flags.labelColumn,
    labels: flags.labels,
    idColumn: flags.idColumn,
    edges: flags.edges,
    knn: { k: flags.knn },
    split: { ...flags.split, seed },
    name: tableName(flags.features),
  });
}
