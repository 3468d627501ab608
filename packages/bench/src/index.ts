export { type BenchEnvironment, benchEnvironment } from './measure/environment.js';
export {
  type KernelProfile,
  type KernelRow,
  kernelTable,
  OUTSIDE_KERNELS,
  profileEpochs,
} from './measure/kernel-profile.js';
export { type MemoryPeak, MemorySampler } from './measure/memory.js';
export {
  achievedRates,
  adamCost,
  type Cost,
  type EpochCostModel,
  elementwiseCost,
  epochCost,
  type GraphShape,
  gemmCost,
  graphShape,
  hasEpochCost,
  registerEpochCost,
  repeatCost,
  spmmCost,
  sumCosts,
} from './measure/roofline.js';
export { type TimeCallsOptions, timeCalls } from './measure/timer.js';
export { type MergeBenchOptions, mergeBench } from './merge-bench.js';
export { latestSuiteResults } from './output/latest-suite-results.js';
export { readSuiteResult } from './output/read-suite-result.js';
export { writeBenchmarksReport } from './output/write-benchmarks-report.js';
export { writeSuiteFigures } from './output/write-suite-figures.js';
export { writeSuiteOutputs } from './output/write-suite-outputs.js';
export { writeSuiteResult } from './output/write-suite-result.js';
export { epochVsConvergenceChart } from './plots/epoch-vs-convergence-chart.js';
export { kernelsChart } from './plots/kernels-chart.js';
export { memoryChart } from './plots/memory-chart.js';
export { renderSvg } from './plots/render-svg.js';
export { scalingChart } from './plots/scaling-chart.js';
export { sigmaBoxChart } from './plots/sigma-box-chart.js';
export { type SuiteFigure, suiteFigures } from './plots/suite-figures.js';
export { aggregateRuns, configurationKey, type RunGroup } from './report/aggregate-runs.js';
export { benchmarksReport, type ReportEntry } from './report/benchmarks-report.js';
export { bytesPerEdgeTable } from './report/bytes-per-edge-table.js';
export { type MergeInput, mergeSuiteResults } from './report/merge-suite-results.js';
export { paperTable } from './report/paper-table.js';
export { suiteMarkdown } from './report/suite-markdown.js';
export { DEFAULT_RESULTS_DIR, type RunBenchOptions, type RunBenchResult, runBench } from './run-bench.js';
export { coinProtocolDatasets } from './suites/coin-protocol-datasets.js';
export { fullSuite } from './suites/full.js';
export { isSuiteResult, suiteResultProblems } from './suites/is-suite-result.js';
export { kernelsSuite } from './suites/kernels.js';
export { checkPaperModels, PAPER_MODELS, PAPER_PRESET, paperSuite } from './suites/paper.js';
export { quickSuite } from './suites/quick.js';
export {
  runTrainSuite,
  type TrainConfig,
  type TrainDataset,
  type TrainSuiteSpec,
} from './suites/run-train-suite.js';
export { scaleSuite } from './suites/scale.js';
export { sigmaSuite } from './suites/sigma.js';
export { DEFAULT_SEED, type Suite, type SuiteOptions } from './suites/suite.js';
export {
  type KernelRecord,
  type StabilityRecord,
  SUITE_NAMES,
  SUITE_RESULT_SCHEMA_VERSION,
  type SuiteName,
  type SuiteResult,
  type TrainRecord,
} from './suites/suite-result.js';
export { SUITES } from './suites/suites.js';
export {
  type StochasticBlockModelOptions,
  stochasticBlockModel,
} from './synthetic/stochastic-block-model.js';
