/**
 * Kernel names and their input/attribute types, one table shared by ops, kernels and gradients (the
 * tfjs-core `kernel_names.ts` pattern). Names carry the `Coin` prefix because the tfjs registry is global.
 */
import type { TensorInfo } from '@tensorflow/tfjs-core';

/** Named kernel inputs, all present (tfjs's `NamedTensorInfoMap` makes every entry optional). */
export type TensorInfos<K extends string> = { [P in K]: TensorInfo };

/** Inputs of a kernel that reads a constant CSR matrix A (see `CsrTensor`). */
export type CsrInputs = TensorInfos<'indptr' | 'indices' | 'values' | 'rowIds'>;

/** Sparse × dense product C = op(A)·B. */
export const CsrMatMul = 'CoinCsrMatMul';
/** Inputs of {@link CsrMatMul}: the CSR parts of A and the dense B. */
export type CsrMatMulInputs = CsrInputs & TensorInfos<'b'>;
/** Attributes of {@link CsrMatMul}. */
export interface CsrMatMulAttrs {
  /** Rows of A. */
  numRows: number;
  /** Columns of A. */
  numCols: number;
  /** Multiply by Aᵀ instead of A. */
  transposeA: boolean;
}

/** Row selection Y = X[rows, :]. */
export const GatherRows = 'CoinGatherRows';
/** Inputs of {@link GatherRows}: x (numNodes × numCols) and rows (int32, length numSelected). */
export type GatherRowsInputs = TensorInfos<'x' | 'rows'>;

/** Row scattering into zeros, the adjoint of {@link GatherRows}: Y = Sᵀ X, duplicates summed. */
export const ScatterRows = 'CoinScatterRows';
/** Inputs of {@link ScatterRows}: x (numSelected × numCols) and rows (int32, length numSelected). */
export type ScatterRowsInputs = TensorInfos<'x' | 'rows'>;
/** Attributes of {@link ScatterRows}. */
export interface ScatterRowsAttrs {
  /** Rows of the output. */
  numRows: number;
}

/** Fused K-step explicit diffusion u ← u − τ_k op(L) u. */
export const ExplicitDiffusion = 'CoinExplicitDiffusion';
/** Inputs of {@link ExplicitDiffusion}: the CSR parts of L and u. */
export type ExplicitDiffusionInputs = CsrInputs & TensorInfos<'u'>;
/** Attributes of {@link ExplicitDiffusion}. */
export interface ExplicitDiffusionAttrs {
  /** Rows (= columns) of L. */
  numRows: number;
  /** Step sizes τ_k, applied in order. */
  stepSizes: number[];
  /** Use Lᵀ instead of L (the gradient's direction). */
  transposeL: boolean;
}

/** K implicit diffusion steps (I + σ² op(L)) u⁺ = u, each solved by conjugate gradients. */
export const ImplicitDiffusion = 'CoinImplicitDiffusion';
/** Inputs of {@link ImplicitDiffusion}: the CSR parts of L and u. */
export type ImplicitDiffusionInputs = CsrInputs & TensorInfos<'u'>;
/**
 * Attributes of {@link ImplicitDiffusion}. Outputs: u⁽ᴷ⁾ (numRows × C) and the per-step statistics
 * (2 × K, float32): row 0 the conjugate-gradient iterations, row 1 the relative residuals.
 */
export interface ImplicitDiffusionAttrs {
  /** Rows (= columns) of L. */
  numRows: number;
  /** Time per step σ². */
  sigma2: number;
  /** Number of steps K. */
  numSteps: number;
  /** Relative residual tolerance of each solve. */
  tol: number;
  /** Iteration cap of each solve. */
  maxIter: number;
  /** Solve with Lᵀ instead of L (the gradient's direction). */
  transposeL: boolean;
}

/** Fused residual sparse linear block h = X + relu(X W + b), X a constant sparse matrix. */
export const SparseResidualLinear = 'CoinSparseResidualLinear';
/** Inputs of {@link SparseResidualLinear}: the CSR parts of X, weight W (F × F) and bias b (F). */
export type SparseResidualLinearInputs = CsrInputs & TensorInfos<'weight' | 'bias'>;
/** Attributes of {@link SparseResidualLinear} (and of {@link SparseResidualLinearGrad}). */
export interface SparseResidualLinearAttrs {
  /** Rows of X. */
  numRows: number;
  /** Columns of X (= F). */
  numCols: number;
}

/**
 * Backward of {@link SparseResidualLinear} to the weights: with dZ = dH ⊙ [H − X > 0], outputs
 * [dW = Xᵀ dZ (F × F), db = dZᵀ1 (F)].
 */
export const SparseResidualLinearGrad = 'CoinSparseResidualLinearGrad';
/** Inputs of {@link SparseResidualLinearGrad}: the CSR parts of X, the output h and its gradient dh. */
export type SparseResidualLinearGradInputs = CsrInputs & TensorInfos<'h' | 'dh'>;

/** Dense product C = op(A)·op(B) of two matrices (rank 2), op = identity or transpose. */
export const MatMul2d = 'CoinMatMul2d';
/** Inputs of {@link MatMul2d}. */
export type MatMul2dInputs = TensorInfos<'a' | 'b'>;
/** Attributes of {@link MatMul2d}. */
export interface MatMul2dAttrs {
  /** Use Aᵀ. */
  transposeA: boolean;
  /** Use Bᵀ. */
  transposeB: boolean;
}

/** Product with a constant mask of the same shape, y = m ⊙ x (dropout's masking). */
export const ApplyMask = 'CoinApplyMask';
/** Inputs of {@link ApplyMask}: x and mask, float32 of one shape. */
export type ApplyMaskInputs = TensorInfos<'x' | 'mask'>;

/**
 * One Adam update of a weight θ with its gradient g (PyTorch's `torch.optim.Adam`, L2 weight decay λ in the
 * gradient), the moment estimates m and v kept by the kernel under {@link AdamStepAttrs.stateId}:
 * $$ g \leftarrow g + \lambda\theta,\quad m \leftarrow \beta_1 m + (1-\beta_1) g,\quad
 *    v \leftarrow \beta_2 v + (1-\beta_2) g^2,\quad \theta' = \theta - s\,\frac{m}{\sqrt v / c + \varepsilon} $$
 * Output: θ'. On cpu it is written over θ's own storage when no other tensor shares it.
 */
export const AdamStep = 'CoinAdamStep';
/** Inputs of {@link AdamStep}: theta (θ) and grad (g), float32 of one shape. */
export type AdamStepInputs = TensorInfos<'theta' | 'grad'>;
/** Attributes of {@link AdamStep}. */
export interface AdamStepAttrs {
  /** Key of the moment estimates m and v (zero at a key's first step; see `newAdamStateId`). */
  stateId: number;
  /** β₁. */
  beta1: number;
  /** β₂. */
  beta2: number;
  /** λ (0 for no decay). */
  weightDecay: number;
  /** s = η / (1 − β₁ᵗ). */
  stepSize: number;
  /** c = √(1 − β₂ᵗ). */
  sqrtBias2: number;
  /** ε. */
  eps: number;
}

/** Inputs naming the edges e = (src_e → dst_e) of a graph (both int32, length numEdges; see `EdgeIndex`). */
export type EdgeInputs = TensorInfos<'src' | 'dst'>;

/**
 * Sampled dense-dense product, one score per edge and head:
 * `'dot'`: s_{e,h} = ⟨A_{src_e, h}, B_{dst_e, h}⟩ over the h-th block of columns;
 * `'add'`: s_{e,h} = A_{src_e, h} + B_{dst_e, h} (GAT's a_srcᵀ h_src + a_dstᵀ h_dst, per-node parts precomputed).
 */
export const Sddmm = 'CoinSddmm';
/** Inputs of {@link Sddmm}: a and b (numNodes × F) and the edges. */
export type SddmmInputs = EdgeInputs & TensorInfos<'a' | 'b'>;
/** Attributes of {@link Sddmm}. */
export interface SddmmAttrs {
  /** `'dot'` or `'add'`. */
  mode: 'dot' | 'add';
  /** H: column blocks of a and b (`'dot'`: F = H·d; `'add'`: F = H). */
  numHeads: number;
}

/**
 * Softmax of edge scores over the edges entering each node, per head, max-subtracted:
 * α_{e,h} = exp(s_{e,h} − m_{dst_e,h}) / Σ_{e': dst_{e'} = dst_e} exp(s_{e',h} − m_{dst_e,h}).
 */
export const EdgeSoftmax = 'CoinEdgeSoftmax';
/** Inputs of {@link EdgeSoftmax}: scores (numEdges × H) and the edges. */
export type EdgeSoftmaxInputs = EdgeInputs & TensorInfos<'scores'>;
/** Attributes of {@link EdgeSoftmax} (and of {@link EdgeSpmm}). */
export interface EdgeNodesAttrs {
  /** Nodes of the graph (rows of the per-node results). */
  numNodes: number;
}

/**
 * Edge-weighted sparse × dense product, per head: Y_{i,h} = Σ_{e: dst_e = i} w_{e,h} X_{src_e, h}, X's columns
 * in H blocks of d.
 */
export const EdgeSpmm = 'CoinEdgeSpmm';
/** Inputs of {@link EdgeSpmm}: weights (numEdges × H), x (numNodes × H·d) and the edges. */
export type EdgeSpmmInputs = EdgeInputs & TensorInfos<'weights' | 'x'>;

/** Mean of rows per segment, Y_i = (1/|S_i|) Σ_{r ∈ S_i} X_r, S_i = {r : segmentIds_r = i}; 0 for an empty one. */
export const SegmentMean = 'CoinSegmentMean';
/** Inputs of {@link SegmentMean} and {@link SegmentMax}: x (m × k) and segmentIds (int32, m). */
export type SegmentInputs = TensorInfos<'x' | 'segmentIds'>;
/** Attributes of {@link SegmentMean} and {@link SegmentMax}. */
export interface SegmentAttrs {
  /** Segments (rows of the result). */
  numSegments: number;
}

/** Maximum of rows per segment, Y_{i,c} = max_{r ∈ S_i} X_{r,c}, S_i = {r : segmentIds_r = i}; 0 for an empty one. */
export const SegmentMax = 'CoinSegmentMax';
/** Bias added to every row, Y_{ik} = X_{ik} + b_k (X rank 2, b of its columns). */
export const AddBias = 'CoinAddBias';
/** Inputs of {@link AddBias}: x (numRows × numCols) and bias (numCols entries, rank 1 or [1, numCols]). */
export type AddBiasInputs = TensorInfos<'x' | 'bias'>;

/** Column sums of a matrix, s_k = Σ_i X_{ik} (the gradient of {@link AddBias} to its bias). */
export const ColumnSums = 'CoinColumnSums';
/** Inputs of {@link ColumnSums}: x (rank 2). */
export type ColumnSumsInputs = TensorInfos<'x'>;

/**
 * COIN's convection block and classifier fused: logits Z = H W₂ + b₂ with H = X + relu(X W₁ + b₁), X a
 * constant sparse matrix. Outputs [Z (numRows × classes), H (numRows × F), kept for the gradient].
 */
export const ResidualClassifier = 'CoinResidualClassifier';
/** Inputs of {@link ResidualClassifier}: the CSR parts of X, W₁ (F × F), b₁ (F), W₂ (F × classes), b₂ (classes). */
export type ResidualClassifierInputs = CsrInputs & TensorInfos<'w1' | 'b1' | 'w2' | 'b2'>;

/**
 * Backward of {@link ResidualClassifier} to W₁, b₁ and W₂: with dR = (dZ W₂ᵀ) ⊙ [H − X > 0], outputs
 * [dW₁ = Xᵀ dR (F × F), db₁ = dRᵀ1 (F), dW₂ = Hᵀ dZ (F × classes)]. Attributes: {@link SparseResidualLinearAttrs}.
 */
export const ResidualClassifierGrad = 'CoinResidualClassifierGrad';
/** Inputs of {@link ResidualClassifierGrad}: the CSR parts of X, H, W₂ and dZ. */
export type ResidualClassifierGradInputs = CsrInputs & TensorInfos<'h' | 'w2' | 'dz'>;

/**
 * Softmax of the rows, then K explicit diffusion steps: u⁽⁰⁾ = softmax(Z), u ← u − τ_k op(L) u.
 * Attributes: {@link ExplicitDiffusionAttrs}.
 */
export const SoftmaxDiffusion = 'CoinSoftmaxDiffusion';
/** Inputs of {@link SoftmaxDiffusion}: the CSR parts of L and the logits Z. */
export type SoftmaxDiffusionInputs = CsrInputs & TensorInfos<'logits'>;

/**
 * Backward of {@link SoftmaxDiffusion} to the logits: dP = the adjoint steps applied to dU, then
 * dZ = P ⊙ dP − P ⊙ (P ⊙ dP)1 with P = softmax(Z). Attributes: {@link ExplicitDiffusionAttrs} of the forward.
 */
export const SoftmaxDiffusionGrad = 'CoinSoftmaxDiffusionGrad';
/** Inputs of {@link SoftmaxDiffusionGrad}: the CSR parts of L, the logits Z and dU. */
export type SoftmaxDiffusionGradInputs = CsrInputs & TensorInfos<'logits' | 'du'>;

/**
 * Mean softmax cross-entropy of some rows of a logit matrix against targets (the training loss of the
 * models that output logits): ℓ = −(1/m) Σ_r Σ_c T_{rc} logsoftmax(Z_{rows_r})_c, a scalar.
 */
export const SoftmaxCrossEntropy = 'CoinSoftmaxCrossEntropy';
/** Inputs of {@link SoftmaxCrossEntropy}: logits (numRows × C), rows (int32, m) and targets (m × C). */
export type SoftmaxCrossEntropyInputs = TensorInfos<'logits' | 'rows' | 'targets'>;

/**
 * Gradient of {@link SoftmaxCrossEntropy} to its logits, given the loss's gradient dy (a scalar):
 * dZ_{rows_r} += (dy/m)·((Σ_c T_{rc}) softmax(Z_{rows_r}) − T_r), other rows 0.
 */
export const SoftmaxCrossEntropyGrad = 'CoinSoftmaxCrossEntropyGrad';
/** Inputs of {@link SoftmaxCrossEntropyGrad}: those of {@link SoftmaxCrossEntropy} and dy (scalar). */
export type SoftmaxCrossEntropyGradInputs = SoftmaxCrossEntropyInputs & TensorInfos<'dy'>;

/**
 * APPNP's K personalised-PageRank steps with a constant square sparse A (Gasteiger et al. 2019, eq. 4):
 * Z⁽⁰⁾ = H, Z⁽ᵏ⁺¹⁾ = (1 − α) op(A) Z⁽ᵏ⁾ + α H; output Z⁽ᴷ⁾.
 */
export const AppnpPropagation = 'CoinAppnpPropagation';
/** Inputs of {@link AppnpPropagation}: the CSR parts of A and h (numRows × k). */
export type AppnpPropagationInputs = CsrInputs & TensorInfos<'h'>;
/** Attributes of {@link AppnpPropagation}. */
export interface AppnpPropagationAttrs {
  /** Rows (and columns) of A. */
  numRows: number;
  /** Steps K. */
  numSteps: number;
  /** Teleport probability α. */
  alpha: number;
  /** Propagate with Aᵀ instead of A (the gradient). */
  transposeA: boolean;
}

/** Relu then a constant mask of the same shape, y = m ⊙ max(x, 0) (dropout after relu). */
export const MaskedRelu = 'CoinMaskedRelu';
/** Inputs of {@link MaskedRelu}: x and mask, float32 of one shape (no mask: {@link UnmaskedRelu}'s). */
export type MaskedReluInputs = TensorInfos<'x'> & Partial<TensorInfos<'mask'>>;

/**
 * {@link MaskedRelu} without a mask, y = max(x, 0): tfjs' `Relu`, whose output the cpu kernel takes from the
 * reused arrays of a training loop (`withReusedOutputs`) instead of a new array per call.
 */
export const UnmaskedRelu = 'CoinRelu';

/** Gradient of {@link MaskedRelu} to x: dx = (m ⊙ dy) ⊙ [x > 0], or dy ⊙ [x > 0] without a mask. */
export const MaskedReluGrad = 'CoinMaskedReluGrad';
/** Inputs of {@link MaskedReluGrad}: x, dy and, optionally, mask, float32 of one shape. */
export type MaskedReluGradInputs = TensorInfos<'x' | 'dy'> & Partial<TensorInfos<'mask'>>;

/**
 * K steps of dropout then explicit diffusion with given keep masks (Diff-ResNet's hidden-feature loop):
 * u ← (I − τ_k L)(u ⊙ s·keep_k) for k = 0 … K−1; or the adjoint u ← s·keep_k ⊙ (I − τ_k Lᵀ) u for
 * k = K−1 … 0.
 */
export const DropoutDiffusion = 'CoinDropoutDiffusion';
/** Inputs of {@link DropoutDiffusion}: the CSR parts of L, u (numRows × k) and keep (bool, K × numRows × k). */
export type DropoutDiffusionInputs = CsrInputs & TensorInfos<'u' | 'keep'>;
/** Attributes of {@link DropoutDiffusion}. */
export interface DropoutDiffusionAttrs {
  /** Rows (= columns) of L. */
  numRows: number;
  /** Step sizes τ_k. */
  stepSizes: number[];
  /** Factor s of the kept entries (1/(1 − p)). */
  scale: number;
  /** Run the adjoint (the gradient's direction). */
  adjoint: boolean;
}

/** Weighted sum of same-shaped tensors, Y = Σ_j w_j X_j (one pass; tfjs would make a product per term). */
export const ScaledSum = 'CoinScaledSum';
/** Attributes of {@link ScaledSum}. */
export interface ScaledSumAttrs {
  /** w_j, one per input, in the inputs' order. */
  weights: number[];
}

/**
 * Layer normalisation of the rows of a matrix, y_{ij} = (x_{ij} − μ_i)/√(σ_i² + ε)·γ_j + β_j with μ_i, σ_i² the
 * mean and (biased) variance of row i.
 */
export const LayerNorm = 'CoinLayerNorm';
/** Inputs of {@link LayerNorm}: x (numRows × F), gamma and beta (F). */
export type LayerNormInputs = TensorInfos<'x' | 'gamma' | 'beta'>;
/** Attributes of {@link LayerNorm} (and of {@link LayerNormGrad}). */
export interface LayerNormAttrs {
  /** ε added to the variance. */
  epsilon: number;
}
/**
 * Gradient of {@link LayerNorm}: outputs [dX (numRows × F), dγ (F), dβ (F)] from dY, X and γ, with
 * x̂ = (x − μ)/√(σ² + ε), g = dY ⊙ γ: dX_i = (g_i − mean(g_i) − x̂_i·mean(g_i ⊙ x̂_i))/√(σ_i² + ε),
 * dγ = Σ_i dY_i ⊙ x̂_i, dβ = Σ_i dY_i.
 */
export const LayerNormGrad = 'CoinLayerNormGrad';
/** Inputs of {@link LayerNormGrad}: dy and x (numRows × F), gamma (F). */
export type LayerNormGradInputs = TensorInfos<'dy' | 'x' | 'gamma'>;

/**
 * DIFFormer's all-pair attention with the "simple" kernel in linear time, with q̃ = q/‖q‖_F, k̃ = k/‖k‖_F:
 * out_i = (1ᵀV + q̃_i (k̃ᵀV)) / (N + q̃_i·(k̃ᵀ1)).
 */
export const SimpleAttention = 'CoinSimpleAttention';
/** Inputs of {@link SimpleAttention}: q and k (N × M), v (N × D). */
export type SimpleAttentionInputs = TensorInfos<'q' | 'k' | 'v'>;
/**
 * Gradient of {@link SimpleAttention}: outputs [dq (N × M), dk (N × M), dv (N × D)] from dy (N × D), q, k, v
 * (formulas at `simpleAttention`).
 */
export const SimpleAttentionGrad = 'CoinSimpleAttentionGrad';
/** Inputs of {@link SimpleAttentionGrad}: dy, q, k, v. */
export type SimpleAttentionGradInputs = TensorInfos<'dy' | 'q' | 'k' | 'v'>;

/**
 * RMS norm of an ODE step's error relative to its tolerances, one scalar:
 * ‖e‖ = √(mean_i (e_i / (atol + rtol·max(|y_i|, |ŷ_i|)))²).
 */
export const OdeErrorNorm = 'CoinOdeErrorNorm';
/** Inputs of {@link OdeErrorNorm}: the error e, the state y before the step and ŷ after it, one shape. */
export type OdeErrorNormInputs = TensorInfos<'error' | 'y' | 'yNext'>;
/** Attributes of {@link OdeErrorNorm}. */
export interface OdeErrorNormAttrs {
  /** Relative tolerance, ≥ 0. */
  rtol: number;
  /** Absolute tolerance, ≥ 0. */
  atol: number;
}
