import { summarize } from '@coin-gnn/core';
import {
  type KernelRecord,
  SUITE_RESULT_SCHEMA_VERSION,
  type SuiteName,
  type SuiteResult,
  type TrainRecord,
} from '../suites/suite-result.js';

/** A training record with made-up numbers, for tests of the schema, tables and figures. */
export function fakeTrainRecord(overrides: Partial<TrainRecord> = {}): TrainRecord {
  return {
    dataset: 'cora',
    numNodes: 2485,
    numEdges: 5069,
    numFeatures: 1433,
    model: 'gcn',
    scheme: null,
    sigma2: null,
    numSteps: null,
    split: 0,
    init: 0,
    seed: 1,
    epochs: 120,
    warmupEpochs: 5,
    epochMs: summarize([10, 11, 12, 13]),
    evalMs: summarize([3, 4]),
    convergenceMs: 2000,
    valAcc: 0.8,
    testAcc: 0.81,
    diverged: false,
    clamped: 0,
    memory: {
      rssMB: 300,
      heapUsedMB: 80,
      arrayBuffersMB: 20,
      tfMB: 12,
      tfTensors: 40,
      gpuMB: null,
      samples: 120,
      tfEpochPeakMB: 30,
    },
    ...overrides,
  };
}

/** A kernel record with made-up numbers. */
export function fakeKernelRecord(overrides: Partial<KernelRecord> = {}): KernelRecord {
  return {
    graph: 'cora-size',
    numRows: 2708,
    numCols: 2708,
    nnz: 13264,
    kernel: 'csrMatMul',
    bCols: 16,
    msPerCall: summarize([0.5, 0.6, 0.7]),
    gflops: 0.7,
    ...overrides,
  };
}

/** A suite result around the given records, with a fixed environment. */
export function fakeSuiteResult(suite: SuiteName, parts: Partial<SuiteResult> = {}): SuiteResult {
  return {
    schemaVersion: SUITE_RESULT_SCHEMA_VERSION,
    suite,
    environment: {
      cpuModel: 'Test CPU',
      cores: 2,
      totalMemoryMB: 4096,
      platform: 'linux',
      arch: 'x64',
      nodeVersion: 'v20.0.0',
      backend: 'cpu',
      gitSha: null,
      date: '2026-01-01T00:00:00.000Z',
      command: 'coin bench --suite test',
    },
    settings: {},
    trainRuns: [],
    kernelRuns: [],
    stability: [],
    wallSeconds: 1,
    ...parts,
  };
}
