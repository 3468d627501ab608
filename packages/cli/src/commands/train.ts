import {
  type BackendName,
  checkModelTarget,
  kernelThreadBlocks,
  kernelThreads,
  modelNames,
  resolveModelOptions,
  saveModel,
  setKernelThreads,
} from '@coin-gnn/core';
import {
  datasetFingerprint,
  FIRST_SPLIT_COST,
  loadDataset,
  MAX_FIRST_SPLIT,
  MAX_SPLIT_RUNS,
  SPLIT_RUNS_COST,
} from '@coin-gnn/datasets';
import { type ProtocolResult, runProtocol } from '@coin-gnn/experiments';
import cliProgress from 'cli-progress';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { backendOption } from '../options/backend-option.js';
import { boundedInteger } from '../options/count-flags.js';
import { datasetOption } from '../options/dataset-option.js';
import { addModelFlags, modelSettings } from '../options/model-flags.js';
import { addTableFlags, type TableFlags, tableDataset, tableName } from '../options/table-flags.js';
import {
  type EpochProfile,
  epochProfile,
  epochProfileText,
  PROFILE_EPOCHS,
  PROFILE_WARMUP,
} from '../report/epoch-profile.js';
import { Warnings } from '../report/warnings.js';

/** Parsed flags of `coin train`. */
interface TrainFlags extends TableFlags {
  dataset?: string;
  protocol: 'coin' | 'public';
  model: string;
  runs: number;
  inits: number;
  seed: number;
  firstSplit: number;
  epochs: number;
  patience: number;
  backend: BackendName;
  json?: boolean;
  out?: string;
  overwrite?: boolean;
  profile?: boolean;
  threads?: number;
}

/** Most `--threads` (more would only add waiting workers). */
const MAX_THREADS = 64;

/**
 * The kernel threads of a run on the cpu backend, for the reports: how many, and the share of the split
 * kernels' blocks that the worker threads ran (how much the other cores took part); null on other backends.
 */
function threadsReport(result: ProtocolResult): { threads: number; workerShare: number } | null {
  if (result.backend !== 'cpu') return null;
  const { workers, caller } = kernelThreadBlocks();
  return { threads: kernelThreads(), workerShare: workers + caller > 0 ? workers / (workers + caller) : 0 };
}

const integer =
  (min: number, what: string) =>
  (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`expected ${what}, got "${value}".`);
    }
    return n;
  };

const percent = (x: number): string => (100 * x).toFixed(1);

/** Host↔device transfers per epoch, averaged over the runs. */
function transfersLine(result: ProtocolResult): string {
  const mean = (key: 'reads' | 'writes') =>
    result.runs.reduce((a, r) => a + r.transfersPerEpoch[key], 0) / result.runs.length;
  return `${mean('reads').toFixed(1)} reads to the host, ${mean('writes').toFixed(1)} uploads per epoch (mean)`;
}

/** ", 2 kernel threads (workers ran 45 % of the blocks)" for {@link threadsReport}, "" without one. */
function threadsText(report: ReturnType<typeof threadsReport>): string {
  if (report === null) return '';
  const { threads, workerShare } = report;
  if (threads === 1) return ', 1 kernel thread';
  return `, ${threads} kernel threads (workers ran ${percent(workerShare)} % of the split blocks)`;
}

/** The human summary printed without `--json`. */
function summary(result: ProtocolResult, warnings: Warnings): string {
  const n = result.runs.length;
  const epochs = result.runs.map((r) => r.epochs);
  const clamped = result.runs.reduce((a, r) => a + r.clamped, 0);
  const lines = [
    ...warnings.lines(),
    `${result.model} on ${result.dataset} (${result.protocol} protocol, ${n} run${n > 1 ? 's' : ''}, ` +
      `${result.backend} backend${threadsText(threadsReport(result))}, options ${JSON.stringify(result.modelOptions)}, ` +
      `${result.training.optimizer}, lr ${result.training.lr}, weight decay ${result.training.weightDecay})`,
    result.divergedRuns === n
      ? 'test accuracy  none: every run diverged'
      : `test accuracy  ${percent(result.testAccMean)} %${n - result.divergedRuns > 1 ? ` ± ${percent(result.testAccStd)}` : ''}` +
        (result.divergedRuns > 0 ? ` (over the ${n - result.divergedRuns} runs that did not diverge)` : ''),
    `epochs         ${n > 1 ? `${Math.min(...epochs)}–${Math.max(...epochs)}` : epochs[0]}`,
    `time           ${result.msPerEpochMedian.toFixed(1)} ms per training step (median), ` +
      `${(result.convergenceMsMedian / 1000).toFixed(1)} s to early stop (median)`,
    `peak RSS       ${result.peakRssMB.toFixed(0)} MB`,
    `transfers      ${transfersLine(result)}`,
  ];
  const cg = result.runs.flatMap((r) => (r.cgIterationsPerStep === undefined ? [] : [r.cgIterationsPerStep]));
  if (cg.length > 0) {
    const mean = cg.reduce((a, b) => a + b, 0) / cg.length;
    lines.push(`CG iterations  ${mean.toFixed(1)} per implicit step (mean over runs)`);
  }
  if (clamped > 0) {
    lines.push(`clamped        ${clamped} non-positive or NaN diffused probabilities before the log`);
  }
  const diverged = result.runs.filter((r) => r.diverged);
  if (diverged.length > 0) {
    const first = diverged[0].diverged!;
    lines.push(
      `diverged       ${diverged.length} of ${n} run${n > 1 ? 's' : ''} (split ${diverged[0].split}: epoch ` +
        `${first.epoch}, ${first.reason}): ${first.advice}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Registers `coin train`: loads the dataset for the protocol (`loadDataset`), trains a registered model on it
 * under the COIN or public protocol (`runProtocol` of `@coin-gnn/experiments`) with the model's options, optimiser
 * settings and preset from the flags (`addModelFlags`), and prints the test accuracy, or with `--json` exactly
 * one JSON object (`ProtocolResult` plus `warnings`). A progress bar (runs, epoch, validation accuracy) shows on
 * a terminal, never with `--json`. `--out` saves the run with the best validation accuracy (`saveModel`) from
 * the runner's run-end hook, with what it was trained on (dataset, its fingerprint, protocol, class names, split);
 * `--out` is checked before training, and a model already saved there is replaced only with `--overwrite`.
 * A diverged run is reported as such (epoch, reason, fix), left out of the mean and never saved; the command
 * exits with status 1 when every run diverged. `--threads` sets the cpu backend's kernel threads
 * (`setKernelThreads`); on that backend the report gives their number and the share of the split kernels'
 * blocks the worker threads ran (`threads`, `workerShare` in the JSON).
 */
export function registerTrainCommand(program: Command): void {
  const command = program
    .command('train')
    .description('train COIN or a baseline and report test accuracy (mean ± std over runs)')
    .addOption(datasetOption('dataset (or --features)'))
    .addOption(
      new Option('--protocol <name>', 'splits: COIN random splits or the public split')
        .choices(['coin', 'public'])
        .default('coin'),
    )
    .addOption(new Option('--model <name>', 'model').choices(modelNames()).default('coin'))
    .option('--runs <R>', 'number of splits', boundedInteger(1, MAX_SPLIT_RUNS, SPLIT_RUNS_COST), 1)
    .option('--inits <I>', 'initialisations per split', integer(1, 'a positive integer'), 1)
    .option(
      '--seed <N>',
      "master seed of splits and initialisations (42: the official code's splits)",
      integer(0, 'a non-negative integer'),
      42,
    )
    .option(
      '--first-split <n>',
      "start at this split of the seed's sequence (spread one protocol over processes)",
      boundedInteger(0, MAX_FIRST_SPLIT, FIRST_SPLIT_COST),
      0,
    )
    .option('--epochs <N>', 'maximum epochs per run', integer(1, 'a positive integer'), 10_000)
    .option('--patience <N>', 'early-stopping patience', integer(1, 'a positive integer'), 50)
    .addOption(backendOption())
    .option(
      '--threads <n>',
      "threads of the cpu backend's kernels (default: COIN_THREADS, else min(cores, 4); 1: no worker threads)",
      boundedInteger(1, MAX_THREADS, 'more threads than cores only wait'),
    )
    .option('--json', 'print one JSON object and nothing else')
    .option('--out <dir>', 'save the model with the best validation accuracy to this directory')
    .option('--overwrite', 'replace the model already saved in --out')
    .option(
      '--profile',
      `first profile ${PROFILE_EPOCHS} epochs (after ${PROFILE_WARMUP} warm-up) of a fresh model on the first split: ` +
        'kernel table (name, calls, ms, % of the epoch) and, for a model with an epoch count (not the ODE models), ' +
        'roofline (FLOPs, bytes, GFLOP/s, GB/s)',
    );
  addTableFlags(command);
  addModelFlags(command);
  command.hook('preAction', () => {
    const { dataset, features } = command.opts<TrainFlags>();
    if ((dataset === undefined) === (features === undefined)) {
      command.error("error: give either '--dataset <name>' or '--features <file>'");
    }
  });
  command.action(async (flags: TrainFlags & Record<string, unknown>) => {
    // Data from files is split by --split (the 'public' protocol) unless --protocol is given.
    if (flags.features !== undefined && command.getOptionValueSource('protocol') === 'default') {
      flags.protocol = 'public';
    }
    if (flags.threads !== undefined) setKernelThreads(flags.threads);
    const name = flags.features ? tableName(flags.features) : flags.dataset!;
    const settings = modelSettings(flags, flags.model, name);
    // A bad --out fails now, not after training.
    if (flags.out) await checkModelTarget(flags.out, { overwrite: flags.overwrite });
    const dataset = flags.features
      ? await tableDataset({ ...flags, features: flags.features }, flags.seed)
      : await loadDataset(name, { protocol: flags.protocol });
    const trainedOn = {
      dataset: dataset.name,
      datasetDigest: datasetFingerprint(dataset),
      protocol: flags.protocol,
      ...(dataset.classNames ? { classNames: dataset.classNames } : {}),
      seed: flags.seed,
    };
    const warnings = new Warnings();
    const showBar = !flags.json && process.stderr.isTTY === true;
    const bar = showBar
      ? new cliProgress.SingleBar(
          {
            format: `${flags.model} on ${dataset.name} |{bar}| run {value}/{total} · epoch {epoch} · val acc {valAcc} %`,
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
    bar?.start(flags.runs * flags.inits, 0, { epoch: 0, valAcc: '–' });
    let bestVal = -1;
    let saved = false;
    let profile: EpochProfile | undefined;
    try {
      const result = await runProtocol({
        dataset,
        protocol: flags.protocol,
        model: flags.model,
        modelOptions: settings.options,
        optimizer: settings.optimizer,
        lr: settings.lr,
        weightDecay: settings.weightDecay,
        runs: flags.runs,
        inits: flags.inits,
        seed: flags.seed,
        firstSplit: flags.firstSplit,
        epochs: flags.epochs,
        patience: flags.patience,
        backend: flags.backend,
        logger: (message) => warnings.add(message),
        ...(flags.profile
          ? {
              onStart: async (context) => {
                profile = await epochProfile(
                  context,
                  flags.model,
                  resolveModelOptions(flags.model, settings.options),
                  flags.seed,
                );
              },
            }
          : {}),
        onEpoch: (info, run) =>
          bar?.update(run.splitIndex * run.numInits + run.init, {
            epoch: info.epoch,
            valAcc: percent(info.valAcc),
          }),
        onRunEnd: async (run, model) => {
          bar?.increment();
          if (flags.out && !run.diverged && run.valAcc > bestVal) {
            bestVal = run.valAcc;
            await saveModel(model, flags.out, {
              overwrite: saved || flags.overwrite, // a better run of this command replaces the one it saved
              metadata: { ...trainedOn, split: run.split, init: run.init, testAcc: run.testAcc },
            });
            saved = true;
          }
        },
      });
      bar?.stop();
      process.stdout.write(
        flags.json
          ? `${JSON.stringify({ ...result, ...threadsReport(result), warnings: warnings.messages(), ...(profile ? { profile } : {}) })}\n`
          : summary(result, warnings) + (profile ? epochProfileText(profile) : ''),
      );
      if (flags.out && saved && !flags.json) process.stdout.write(`model saved to ${flags.out}\n`);
      if (result.divergedRuns === result.runs.length) process.exitCode = 1; // nothing to report
    } finally {
      bar?.stop();
    }
  });
}
