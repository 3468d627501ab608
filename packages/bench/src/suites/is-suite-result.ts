import { SUITE_NAMES, SUITE_RESULT_SCHEMA_VERSION, type SuiteResult } from './suite-result.js';

type Check = (value: unknown, path: string, problems: string[]) => void;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const number: Check = (value, path, problems) => {
  if (typeof value !== 'number') problems.push(`${path} must be a number`);
};
const nullableNumber: Check = (value, path, problems) => {
  if (value !== null && typeof value !== 'number') problems.push(`${path} must be a number or null`);
};
const optionalNumber: Check = (value, path, problems) => {
  if (value !== undefined && typeof value !== 'number') problems.push(`${path} must be a number if present`);
};
const string: Check = (value, path, problems) => {
  if (typeof value !== 'string') problems.push(`${path} must be a string`);
};
const nullableString: Check = (value, path, problems) => {
  if (value !== null && typeof value !== 'string') problems.push(`${path} must be a string or null`);
};
const boolean: Check = (value, path, problems) => {
  if (typeof value !== 'boolean') problems.push(`${path} must be a boolean`);
};
// JSON has no NaN: summaries of empty samples come back as null.
const summary = object({
  count: number,
  median: nullableNumber,
  p10: nullableNumber,
  p90: nullableNumber,
  mean: nullableNumber,
  min: nullableNumber,
  max: nullableNumber,
});

function object(fields: Record<string, Check>): Check {
  return (value, path, problems) => {
    if (!isObject(value)) {
      problems.push(`${path} must be an object`);
      return;
    }
    for (const [key, check] of Object.entries(fields)) check(value[key], `${path}.${key}`, problems);
  };
}

function array(item: Check): Check {
  return (value, path, problems) => {
    if (!Array.isArray(value)) {
      problems.push(`${path} must be an array`);
      return;
    }
    value.forEach((v, i) => {
      item(v, `${path}[${i}]`, problems);
    });
  };
}

const trainRecord = object({
  dataset: string,
  numNodes: number,
  numEdges: number,
  numFeatures: number,
  model: string,
  scheme: nullableString,
  sigma2: nullableNumber,
  numSteps: nullableNumber,
  split: number,
  init: number,
  seed: number,
  epochs: number,
  warmupEpochs: number,
  epochMs: summary,
  evalMs: summary,
  convergenceMs: number,
  buildMs: optionalNumber,
  setupMs: optionalNumber,
  valAcc: nullableNumber,
  testAcc: nullableNumber,
  diverged: boolean,
  clamped: number,
  memory: object({
    rssMB: number,
    heapUsedMB: number,
    arrayBuffersMB: number,
    tfMB: number,
    tfTensors: number,
    gpuMB: nullableNumber,
    samples: number,
    tfEpochPeakMB: number,
  }),
});

const kernelRecord = object({
  graph: string,
  numRows: number,
  numCols: number,
  nnz: number,
  kernel: string,
  bCols: number,
  msPerCall: summary,
  gflops: nullableNumber,
});

const stabilityRecord = object({ dataset: string, lambdaMax: number, l2: number, positivity: number });

const suiteResult = object({
  schemaVersion: (value, path, problems) => {
    if (value !== SUITE_RESULT_SCHEMA_VERSION)
      problems.push(`${path} must be ${SUITE_RESULT_SCHEMA_VERSION}`);
  },
  suite: (value, path, problems) => {
    if (!SUITE_NAMES.includes(value as never))
      problems.push(`${path} must be one of ${SUITE_NAMES.join(', ')}`);
  },
  environment: object({
    cpuModel: string,
    cores: number,
    totalMemoryMB: number,
    platform: string,
    arch: string,
    nodeVersion: string,
    backend: string,
    gitSha: nullableString,
    date: string,
    command: string,
  }),
  settings: (value, path, problems) => {
    if (!isObject(value)) problems.push(`${path} must be an object`);
  },
  trainRuns: array(trainRecord),
  kernelRuns: array(kernelRecord),
  stability: array(stabilityRecord),
  wallSeconds: number,
});

/**
 * Checks a parsed JSON value against the {@link SuiteResult} layout and lists what is wrong, one line per
 * problem with its JSON path (`$.trainRuns[3].epochMs.median must be a number or null`).
 *
 * @param value - e.g. `JSON.parse(readFileSync('results/quick-….json', 'utf8'))`
 * @returns the problems; empty when the value is a valid suite result
 */
export function suiteResultProblems(value: unknown): string[] {
  const problems: string[] = [];
  suiteResult(value, '$', problems);
  return problems;
}

/** Type guard: true when {@link suiteResultProblems} finds nothing. */
export function isSuiteResult(value: unknown): value is SuiteResult {
  return suiteResultProblems(value).length === 0;
}
