/**
 * @coin-gnn/experiments: the one experiment runner above core and datasets. {@link runExperiment} trains a
 * model factory's models on a dataset's splits × initialisations and summarises the runs; {@link runProtocol}
 * makes the splits of the COIN or public protocol first. No plotting or benchmark dependencies.
 */
export { type ModelFactory, type ModelSeed, modelFactory } from './model-factory.js';
export {
  type ExperimentContext,
  type ExperimentHooks,
  type ExperimentOptions,
  type ExperimentResult,
  type RunInfo,
  type RunRecord,
  runExperiment,
} from './run-experiment.js';
export {
  type ProtocolOptions,
  type ProtocolResult,
  type ProtocolRun,
  runProtocol,
} from './run-protocol.js';
