/**
 * @coin-gnn/core/browser: everything of `@coin-gnn/core` that runs in a browser as well as in Node (the tfjs
 * engine with our kernels and gradients registered, modules, layers, models, training), without the Node-only
 * model files (`saveModel`, `loadModel`, …: `io/`). A browser bundle imports this entry point; in a browser,
 * select the 'webgl' or 'webgpu' backend (the cpu backend's WebAssembly kernels are read from disk).
 */
import '@tensorflow/tfjs-backend-cpu';
import './register-all-kernels.js';
import './register-all-gradients.js';

/**
 * The tfjs-core instance the library computes with: write a model's `forward` with these ops, so that the
 * model and the library share one engine (a second copy of tfjs-core would have its own).
 */
export * as tf from '@tensorflow/tfjs-core';
export * from './base.js';
export { CgStatistics } from './diffusion/cg-statistics.js';
export {
  checkDiffusionConfig,
  DIFFUSION_SCHEMES,
  type DiffusionScheme,
  type GraphDiffusionConfig,
} from './diffusion/diffusion-config.js';
export {
  checkDiffusionLimits,
  DIFFUSION_STEPS_COST,
  type DiffusionLimitsConfig,
  DOPRI5_STABILITY_LIMIT,
  MAX_DIFFUSION_STEPS,
  MAX_EXPLICIT_STEPS,
  MAX_IMPLICIT_STIFFNESS,
  RK4_STABILITY_LIMIT,
} from './diffusion/diffusion-limits.js';
export { explicitStepWarning, stepBounds, substepSizes } from './diffusion/step-bounds.js';
export {
  FEATURE_KINDS,
  type FeatureKind,
  type GraphData,
  GraphTensors,
} from './graph/graph-tensors.js';
export {
  type BuiltinOperatorName,
  type OperatorBuilder,
  type OperatorName,
  operatorNames,
  registerOperator,
} from './graph/operators.js';
export { ACTIVATIONS, ActivationLayer, type ActivationName } from './layers/activation.js';
export { AppnpPropagation } from './layers/appnp-propagation.js';
export { CgnnOdeFunc } from './layers/cgnn-ode-func.js';
export { DifformerConv } from './layers/difformer-conv.js';
export { Dropout } from './layers/dropout.js';
export { GatConv, type GatConvOptions } from './layers/gat-conv.js';
export { GaussianNoise } from './layers/gaussian-noise.js';
export { GcdeOdeFunc } from './layers/gcde-ode-func.js';
export { GcnConv, type GcnConvOptions } from './layers/gcn-conv.js';
export { GrandAttentionOdeFunc } from './layers/grand-attention-ode-func.js';
export {
  GrandLinearOdeFunc,
  grandOperator,
  grandOperatorMinusIdentity,
} from './layers/grand-linear-ode-func.js';
export {
  cgIterationsPerStep,
  cgIterationsReads,
  divergenceAdvice,
  GraphDiffusion,
} from './layers/graph-diffusion.js';
export { HeatConv } from './layers/heat-conv.js';
export { LayerNorm } from './layers/layer-norm.js';
export {
  type LayerConfig,
  type LayerDefinition,
  type LayerInput,
  layerDefinition,
  layerDefinitionOf,
  layerNames,
  type NamedLayerDefinition,
  registerLayer,
} from './layers/layer-registry.js';
export { checkFeatureCounts, denseOrSparseMatMul, Linear, type LinearOptions } from './layers/linear.js';
export { operatorMinusIdentity, scaledOperator } from './layers/linear-graph-field.js';
export {
  AGGREGATIONS,
  type Aggregation,
  type MessageInputs,
  MessagePassing,
  type Messages,
  type WeightedMessages,
} from './layers/message-passing.js';
export { GraphOdeFunc, OdeBlock, type OdeBlockSolver } from './layers/ode-block.js';
export { type Activation, ResidualBlock } from './layers/residual-block.js';
export {
  SAGE_AGGREGATIONS,
  type SageAggregation,
  SageConv,
  type SageConvOptions,
} from './layers/sage-conv.js';
export { SgConv } from './layers/sg-conv.js';
export { type Logger, silentLogger } from './logger.js';
export { Appnp, type AppnpOptions } from './models/appnp.js';
export { Cgnn, type CgnnOptions } from './models/cgnn.js';
export { Coin, type CoinOptions } from './models/coin.js';
export { Dgc, type DgcOptions, dgcFeatures } from './models/dgc.js';
export { DiffResNet, type DiffResNetOptions } from './models/diff-resnet.js';
export { Difformer, type DifformerOptions } from './models/difformer.js';
export { Gat, type GatOptions } from './models/gat.js';
export { Gcde, type GcdeOptions } from './models/gcde.js';
export { Gcn, type GcnOptions } from './models/gcn.js';
export { Gdc, type GdcOptions } from './models/gdc.js';
export { Grand, type GrandOptions } from './models/grand.js';
export { GrandLinear, type GrandLinearOptions } from './models/grand-linear.js';
export { GraphHeat, type GraphHeatOptions } from './models/graph-heat.js';
export { GraphSage, type GraphSageOptions } from './models/graph-sage.js';
export { type DecayLayers, Mlp, type MlpOptions } from './models/mlp.js';
export { type ModelOutput, NodeModel } from './models/node-model.js';
export {
  ODE_GNN_OPTION_INFO,
  ODE_SOLVER_OPTION_INFO,
  OdeGnn,
  type OdeGnnOptions,
  type OdeSolverOptions,
  odeBlockSolver,
} from './models/ode-gnn.js';
export { predict, predictAsync } from './models/predict.js';
export {
  type CreateModelArgs,
  createModel,
  type ModelConfig,
  type ModelDefinition,
  type ModelFactory,
  type ModelInit,
  type ModelOptionOverrides,
  type ModelOptionsByName,
  type ModelOptionValues,
  type ModelRegistration,
  modelConfig,
  modelDefinition,
  modelNames,
  modelOptionProblem,
  modelPreset,
  numberRange,
  type OptionInfo,
  type OptionsOf,
  type OptionValue,
  type Preset,
  registerModel,
  resolveModelOptions,
  type TrainingDefaults,
  trainingDefaults,
} from './models/registry.js';
export {
  type LayerSpec,
  SEQUENTIAL_MODEL,
  Sequential,
  type SequentialEntry,
  type SequentialOptions,
  sequential,
} from './models/sequential.js';
export { Sgc, type SgcOptions } from './models/sgc.js';
export { constant, glorotUniform, ones, uniform, uniformTensor, zeros } from './module/initializers.js';
export { Module, type NamedWeight } from './module/module.js';
export { type Initializer, Parameter, type ParameterOptions } from './module/parameter.js';
export { type ButcherTableau, DOPRI5, EULER, RK4 } from './ode/butcher-tableau.js';
export {
  isLinearField,
  type LinearVectorField,
  linearField,
  linearFieldWithParams,
  linearOdeint,
} from './ode/linear-odeint.js';
export {
  FIXED_STEP_METHODS,
  MAX_FIXED_STEPS,
  ODE_METHODS,
  ODEINT_DEFAULTS,
  type OdeintOptions,
  type OdeMethod,
  type ResolvedOdeintOptions,
  resolveOdeintOptions,
} from './ode/ode-options.js';
export {
  type AcceptedStepHook,
  type OdeResult,
  type OdeStats,
  odeint,
  odeintSteps,
  tableauOf,
} from './ode/odeint.js';
export { type AdjointOdeResult, odeintAdjoint } from './ode/odeint-adjoint.js';
export { type RkStepResult, rkStep } from './ode/rk-step.js';
export type { FieldWithParams, ParametricVectorField, VectorField } from './ode/vector-field.js';
export { type VectorJacobian, vectorJacobian } from './ode/vector-jacobian.js';
export { fedDiffusion } from './ops/fed-diffusion.js';
export {
  type ImplicitDiffusionOptions,
  type ImplicitDiffusionStats,
  implicitDiffusion,
} from './ops/implicit-diffusion.js';
export { stopGradient } from './ops/stop-gradient.js';
export { Adam, type AdamOptions } from './training/adam.js';
export { Adamax } from './training/adamax.js';
export {
  type BestWeightsCallback,
  bestWeights,
  type Divergence,
  type DivergenceCallback,
  divergence,
  type EarlyStoppingCallback,
  earlyStopping,
  everyEpoch,
  runEpochs,
  type TrainCallback,
  type TrainingHistory,
  trainingHistory,
} from './training/callbacks.js';
export { createOptimizer } from './training/create-optimizer.js';
export { EarlyStopping, type EarlyStoppingDecision } from './training/early-stopping.js';
export { type HostReads, readAsync, readSync } from './training/host-reads.js';
export { hrtimeMs, hrtimeNow } from './training/hrtime-ms.js';
export { logProbabilities, PROBABILITY_FLOOR } from './training/log-probabilities.js';
export { accuracy, lossOnSplit, oneHotTargets } from './training/metrics.js';
export { nllLoss } from './training/nll-loss.js';
export {
  checkOptimizerName,
  OPTIMIZER_NAMES,
  type Optimizer,
  type OptimizerName,
  type OptimizerOptions,
  resolveOptimizerOptions,
} from './training/optimizer.js';
export { type Summary, summarize } from './training/summarize.js';
export {
  type EpochInfo,
  type TrainData,
  Trainer,
  type TrainOptions,
  type TrainResult,
  train,
  trainAsync,
} from './training/train.js';
export { restoreWeights, snapshotWeights, type WeightsSnapshot } from './training/weights-snapshot.js';
