/** @coin-gnn/core: the tfjs engine with our kernels and gradients registered, layers, models, training. */
import '@tensorflow/tfjs-backend-cpu';
import './register-all-kernels.js';
import './register-all-gradients.js';

export * from './base.js';
export { loadModel } from './io/load-model.js';
export { MODEL_FILES, type WeightEntry } from './io/model-files.js';
export { saveModel } from './io/save-model.js';
// Layers, models, training, save/load.
export { AppnpPropagation, type AppnpPropagationConfig } from './layers/appnp-propagation.js';
export { Dropout, type DropoutConfig } from './layers/dropout.js';
export { GaussianNoise, type GaussianNoiseConfig } from './layers/gaussian-noise.js';
export { GcnConv, type GcnConvConfig } from './layers/gcn-conv.js';
export {
  type DiffusionScheme,
  GraphDiffusion,
  type GraphDiffusionConfig,
  type Logger,
} from './layers/graph-diffusion.js';
export { type CallOptions, GraphLayer, type NamedWeight } from './layers/graph-layer.js';
export { Linear, type LinearConfig } from './layers/linear.js';
export { ResidualBlock, type ResidualBlockConfig } from './layers/residual-block.js';
export { SgConv, type SgConvConfig } from './layers/sg-conv.js';
export { uniformTensor } from './layers/uniform-tensor.js';
export { Appnp } from './models/appnp.js';
export { BaseModel } from './models/base-model.js';
export { Coin } from './models/coin.js';
export {
  type CreateModelOptions,
  createModel,
  MODEL_DEFAULTS,
  MODEL_NAMES,
  type ModelDefaults,
  resolveModelOptions,
} from './models/create-model.js';
export { DiffResNet } from './models/diff-resnet.js';
export { Gcn } from './models/gcn.js';
export { type GraphData, GraphTensors, type OperatorName } from './models/graph-tensors.js';
export { Mlp } from './models/mlp.js';
export type { ModelConfig, ModelName, ModelOptions, NodeClassifier } from './models/node-classifier.js';
export { predict } from './models/predict.js';
export { Sgc } from './models/sgc.js';
export { fedDiffusion } from './ops/fed-diffusion.js';
export {
  type ImplicitDiffusionOptions,
  type ImplicitDiffusionStats,
  implicitDiffusion,
} from './ops/implicit-diffusion.js';
export { Adam, type AdamOptions } from './training/adam.js';
export {
  type BestWeightsCallback,
  bestWeights,
  type EarlyStoppingCallback,
  earlyStopping,
  everyEpoch,
  runEpochs,
  type TrainCallback,
  type TrainingHistory,
  trainingHistory,
} from './training/callbacks.js';
export { EarlyStopping, type EarlyStoppingDecision } from './training/early-stopping.js';
export { hrtimeMs } from './training/hrtime-ms.js';
export { logProbabilities, PROBABILITY_FLOOR } from './training/log-probabilities.js';
export { accuracy, lossOnSplit, type OutputKind, oneHotTargets } from './training/metrics.js';
export { nllLoss } from './training/nll-loss.js';
export { type Summary, summarize } from './training/summarize.js';
export {
  type EpochInfo,
  type TrainData,
  Trainer,
  type TrainOptions,
  type TrainResult,
  train,
} from './training/train.js';
export { restoreWeights, snapshotWeights } from './training/weights-snapshot.js';
