import {
  DEFAULT_RESULTS_DIR,
  mergeBench,
  runBench,
  SUITE_NAMES,
  SUITES,
  suiteMarkdown,
  writeBenchmarksReport,
} from '@coin-gnn/bench';
import { FIRST_SPLIT_COST, MAX_FIRST_SPLIT } from '@coin-gnn/datasets';
import { InvalidArgumentError } from '@coin-gnn/graph';
import type { Command } from 'commander';
import { backendOption } from '../options/backend-option.js';
import { boundedInteger } from '../options/count-flags.js';

const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  ...value.split(','),
];

function positiveInt(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0)
      throw new InvalidArgumentError('coin bench', flag, value, 'a non-negative integer');
    return n;
  };
}

function numberList(flag: string, integer: boolean): (value: string) => number[] {
  return (value) =>
    value.split(',').map((part) => {
      const n = Number(part);
      if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
        throw new InvalidArgumentError(
          'coin bench',
          flag,
          part,
          integer ? 'a list of non-negative integers' : 'a list of non-negative numbers',
        );
      }
      return n;
    });
}

const list = (value: string): string[] => value.split(',').filter((s) => s.length > 0);

/**
 * Registers `coin bench`: runs benchmark suites of `@coin-gnn/bench` (or with `--merge`, merges result files of
 * one suite run as several processes), writes one JSON file per suite and its SVG figures to `--out`, prints
 * a Markdown table per suite (or the JSON with `--json`), and with `--report` regenerates that Markdown file
 * from the newest results (with `--report` and neither `--suite` nor `--merge`, only that).
 * Progress lines go to stderr.
 */
export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description(
      'time and memory benchmarks: per-epoch and convergence time, memory, σ² sweeps, scaling, kernels',
    )
    .option(
      '--suite <name>',
      `suite to run, repeatable or comma-separated: ${SUITE_NAMES.join(' | ')} (default: quick)`,
      collect,
    )
    .option('--out <dir>', 'results folder (JSON, and SVG figures under figures/)', DEFAULT_RESULTS_DIR)
    .option(
      '--report <file>',
      'regenerate this Markdown report from the newest results, e.g. BENCHMARKS.md (alone: only regenerate it)',
    )
    .option('--runs <n>', 'splits per dataset (suite default when omitted)', positiveInt('--runs'))
    .option(
      '--first-split <n>',
      "start at this split of the seed's sequence, with the init seeds of a run from split 0 (quick, full, paper, sigma; spread a suite over processes and join them with --merge)",
      boundedInteger(0, MAX_FIRST_SPLIT, FIRST_SPLIT_COST),
    )
    .option('--epochs <n>', 'epoch limit per training run', positiveInt('--epochs'))
    .option('--patience <n>', 'early-stopping patience', positiveInt('--patience'))
    .option(
      '--warmup <n>',
      'leading epochs left out of the per-epoch timings (default 5)',
      positiveInt('--warmup'),
    )
    .addOption(backendOption())
    .option('--dataset <names>', 'datasets instead of the suite default (comma-separated)', list)
    .option('--model <names>', 'models instead of the suite default (comma-separated)', list)
    .option(
      '--scheme <names>',
      'diffusion schemes for the sigma suite: explicit,implicit,fed,rk4,dopri5',
      list,
    )
    .option(
      '--sigma2 <values>',
      'σ² values for the sigma suite (comma-separated)',
      numberList('--sigma2', false),
    )
    .option('--steps <K>', 'diffusion steps K for the sigma suite', positiveInt('--steps'))
    .option(
      '--sizes <n,...>',
      'node counts for the scale suite (comma-separated)',
      numberList('--sizes', true),
    )
    .option('--seed <n>', "master seed (default 42, the official code's: its splits)", positiveInt('--seed'))
    .option(
      '--merge <files>',
      "merge result files of one suite into one result in --out (comma-separated; a later file's run of a configuration, split and init replaces an earlier one's)",
      list,
    )
    .option('--json', 'print the suite results as JSON on stdout instead of tables')
    .addHelpText(
      'after',
      `\nSuites:\n${SUITE_NAMES.map((n) => `  ${n.padEnd(8)} ${SUITES[n]?.description}`).join('\n')}`,
    )
    .action(async (opts) => {
      if (opts.suite === undefined && opts.merge === undefined && opts.report !== undefined) {
        const included = await writeBenchmarksReport(opts.report, opts.out);
        process.stdout.write(
          `wrote ${opts.report} from the newest ${included.join(', ')} results in ${opts.out}\n`,
        );
        return;
      }
      if (opts.merge !== undefined && opts.suite !== undefined)
        throw new InvalidArgumentError('coin bench', '--merge', opts.merge, 'used without --suite');
      const suites = opts.suite ?? ['quick'];
      const started = process.hrtime.bigint();
      const { results, files } =
        opts.merge !== undefined
          ? await mergeBench({ files: opts.merge, outDir: opts.out, report: opts.report })
          : await runBench({
              suites,
              outDir: opts.out,
              report: opts.report,
              runs: opts.runs,
              firstSplit: opts.firstSplit,
              epochs: opts.epochs,
              patience: opts.patience,
              warmupEpochs: opts.warmup,
              backend: opts.backend,
              datasets: opts.dataset,
              models: opts.model,
              schemes: opts.scheme,
              sigma2Values: opts.sigma2,
              numSteps: opts.steps,
              sizes: opts.sizes,
              seed: opts.seed,
              onProgress: (line) => {
                const seconds = Number(process.hrtime.bigint() - started) / 1e9;
                process.stderr.write(`[${seconds.toFixed(0).padStart(4)} s] ${line}\n`);
              },
            });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(results, null, 1)}\n`);
      } else {
        for (const result of results)
          process.stdout.write(`\n## ${result.suite}\n\n${suiteMarkdown(result)}\n`);
        process.stdout.write(`\nwrote:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
      }
    });
}
