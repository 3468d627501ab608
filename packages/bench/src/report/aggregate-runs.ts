import { summarize } from '@coin-gnn/core';
import type { TrainRecord } from '../suites/suite-result.js';

/** The runs of one configuration (dataset, model, scheme, σ², K) summarised. */
export interface RunGroup {
  readonly dataset: string;
  readonly numNodes: number;
  readonly numEdges: number;
  readonly model: string;
  readonly scheme: string | null;
  readonly sigma2: number | null;
  readonly numSteps: number | null;
  readonly runs: number;
  /** Mean and sample standard deviation of the test accuracy over runs that did not diverge. */
  readonly testAccMean: number;
  readonly testAccStd: number;
  readonly diverged: number;
  /** Median over runs of each run's median ms per epoch, and the same for its 10th and 90th percentiles. */
  readonly epochMsMedian: number;
  readonly epochMsP10: number;
  readonly epochMsP90: number;
  readonly evalMsMedian: number;
  readonly convergenceMsMedian: number;
  readonly epochsMedian: number;
  /** Largest peaks over the runs. */
  readonly peakRssMB: number;
  readonly peakHeapMB: number;
  readonly peakTfMB: number;
  readonly peakTfTensors: number;
  /** Largest tensor footprint inside one epoch (`tf.profile`). */
  readonly peakTfEpochMB: number;
}

/**
 * The configuration a training run belongs to, as a string key: its dataset, model, scheme, σ² and K.
 * Runs with equal keys are splits or initialisations of one row of a table.
 */
export function configurationKey(r: TrainRecord): string {
  return JSON.stringify([r.dataset, r.model, r.scheme, r.sigma2, r.numSteps]);
}

/**
 * Groups training runs by configuration ({@link configurationKey}), in first-seen order, and summarises
 * each group: accuracy as mean ± sample standard deviation
 * $$ \bar a = \frac1R\sum_r a_r,\qquad s = \sqrt{\tfrac{1}{R-1}\textstyle\sum_r (a_r - \bar a)^2} $$
 * over the R runs that did not diverge (s = 0 when R = 1), times as medians of the per-run medians, memory
 * as the largest peak.
 *
 * @param records - training runs, e.g. `suiteResult.trainRuns`; null statistics (from JSON) count as NaN
 */
export function aggregateRuns(records: readonly TrainRecord[]): RunGroup[] {
  const groups = new Map<string, TrainRecord[]>();
  for (const r of records) {
    const key = configurationKey(r);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const median = (values: (number | null)[]): number =>
    summarize(values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))).median;
  return [...groups.values()].map((runs) => {
    const first = runs[0];
    const accs = runs
      .filter((r) => !r.diverged && typeof r.testAcc === 'number')
      .map((r) => r.testAcc as number);
    const mean = accs.reduce((a, b) => a + b, 0) / accs.length;
    const variance = accs.length > 1 ? accs.reduce((a, b) => a + (b - mean) ** 2, 0) / (accs.length - 1) : 0;
    return {
      dataset: first.dataset,
      numNodes: first.numNodes,
      numEdges: first.numEdges,
      model: first.model,
      scheme: first.scheme,
      sigma2: first.sigma2,
      numSteps: first.numSteps,
      runs: runs.length,
      testAccMean: accs.length ? mean : Number.NaN,
      testAccStd: accs.length ? Math.sqrt(variance) : Number.NaN,
      diverged: runs.filter((r) => r.diverged).length,
      epochMsMedian: median(runs.map((r) => r.epochMs.median)),
      epochMsP10: median(runs.map((r) => r.epochMs.p10)),
      epochMsP90: median(runs.map((r) => r.epochMs.p90)),
      evalMsMedian: median(runs.map((r) => r.evalMs.median)),
      convergenceMsMedian: median(runs.map((r) => r.convergenceMs)),
      epochsMedian: median(runs.map((r) => r.epochs)),
      peakRssMB: Math.max(...runs.map((r) => r.memory.rssMB)),
      peakHeapMB: Math.max(...runs.map((r) => r.memory.heapUsedMB)),
      peakTfMB: Math.max(...runs.map((r) => r.memory.tfMB)),
      peakTfTensors: Math.max(...runs.map((r) => r.memory.tfTensors)),
      peakTfEpochMB: Math.max(...runs.map((r) => r.memory.tfEpochPeakMB)),
    };
  });
}
