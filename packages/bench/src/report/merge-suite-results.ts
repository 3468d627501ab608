import { InvalidArgumentError } from '@coin-gnn/graph';
import { SUITE_RESULT_SCHEMA_VERSION, type SuiteResult, type TrainRecord } from '../suites/suite-result.js';
import { configurationKey } from './aggregate-runs.js';

/** One result to merge and the file it came from (recorded in the merged settings). */
export interface MergeInput {
  readonly result: SuiteResult;
  readonly file: string;
}

/** The distinct values in first-seen order, joined by ' + ' (one value stays as it is; all null stays null). */
function joinDistinct(values: readonly (string | null)[]): string | null {
  const distinct = [...new Set(values.filter((v): v is string => v !== null))];
  return distinct.length === 0 ? null : distinct.join(' + ');
}

/** The values of `items` with a key, the last item of each key winning, in first-seen key order. */
function lastByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(key(item), item);
  return [...byKey.values()];
}

/**
 * Merges results of one suite run as several processes (one per model and dataset, say, or a re-run of some
 * rows, or more splits of a configuration run with `firstSplit`) into one result, so that the report shows
 * them as one table. A training run is known by its configuration ({@link configurationKey}: dataset, model,
 * scheme, σ², K), split and initialisation: of the runs with the same key the last input's wins, so a later
 * file replaces the runs of the splits it has and adds the splits it alone has (a configuration's runs come
 * in order of first appearance, then by split and initialisation). Kernel records (by graph, kernel, columns) and stability records (by dataset) likewise keep the
 * last. The environment is the last input's, with `date` and `command` the merge's and the CPU models,
 * commits and backends of all inputs joined by ' + ' where they differ; `settings` holds the last input's
 * settings plus `mergedFrom` (each input's file, date, command and commit) and `runsPerConfiguration`;
 * `wallSeconds` is the inputs' sum.
 *
 * @param inputs - results in order of precedence (later wins), at least one, all of the same suite and schema
 * @param merge - the merge's date (ISO 8601) and command line, recorded in the environment
 * @throws InvalidArgumentError naming the file when an input is of another suite or schema version, or when
 *   there is no input
 */
export function mergeSuiteResults(
  inputs: readonly MergeInput[],
  merge: { readonly date: string; readonly command: string },
): SuiteResult {
  const last = inputs.at(-1);
  if (last === undefined)
    throw new InvalidArgumentError('mergeSuiteResults', 'inputs', '[]', 'at least one result');
  for (const { result, file } of inputs) {
    if (result.suite !== last.result.suite) {
      throw new InvalidArgumentError(
        'mergeSuiteResults',
        file,
        result.suite,
        `a result of the suite '${last.result.suite}', as ${last.file} is`,
      );
    }
    if (result.schemaVersion !== SUITE_RESULT_SCHEMA_VERSION) {
      throw new InvalidArgumentError(
        'mergeSuiteResults',
        file,
        `schemaVersion ${result.schemaVersion}`,
        `schemaVersion ${SUITE_RESULT_SCHEMA_VERSION}`,
      );
    }
  }
  const runKey = (r: TrainRecord): string => JSON.stringify([configurationKey(r), r.split, r.init]);
  const configurationOrder = new Map<string, number>();
  for (const { result } of inputs) {
    for (const r of result.trainRuns) {
      const key = configurationKey(r);
      if (!configurationOrder.has(key)) configurationOrder.set(key, configurationOrder.size);
    }
  }
  const order = (r: TrainRecord): number => configurationOrder.get(configurationKey(r)) ?? 0;
  const trainRuns = lastByKey(
    inputs.flatMap(({ result }) => result.trainRuns),
    runKey,
  ).sort((a, b) => order(a) - order(b) || a.split - b.split || a.init - b.init);
  const runsPerConfiguration: Record<string, number> = {};
  for (const r of trainRuns) {
    const name = [r.dataset, r.model, r.scheme, r.sigma2, r.numSteps].filter((v) => v !== null).join('/');
    runsPerConfiguration[name] = (runsPerConfiguration[name] ?? 0) + 1;
  }
  const environments = inputs.map(({ result }) => result.environment);
  return {
    schemaVersion: SUITE_RESULT_SCHEMA_VERSION,
    suite: last.result.suite,
    environment: {
      ...last.result.environment,
      cpuModel: joinDistinct(environments.map((e) => e.cpuModel)) ?? last.result.environment.cpuModel,
      backend: joinDistinct(environments.map((e) => e.backend)) ?? last.result.environment.backend,
      gitSha: joinDistinct(environments.map((e) => e.gitSha)),
      date: merge.date,
      command: merge.command,
    },
    settings: {
      ...last.result.settings,
      mergedFrom: inputs.map(({ result, file }) => ({
        file,
        date: result.environment.date,
        command: result.environment.command,
        gitSha: result.environment.gitSha,
      })),
      runsPerConfiguration,
    },
    trainRuns,
    kernelRuns: lastByKey(
      inputs.flatMap(({ result }) => result.kernelRuns),
      (k) => JSON.stringify([k.graph, k.kernel, k.bCols]),
    ),
    stability: lastByKey(
      inputs.flatMap(({ result }) => result.stability),
      (s) => s.dataset,
    ),
    wallSeconds: inputs.reduce((sum, { result }) => sum + result.wallSeconds, 0),
  };
}
