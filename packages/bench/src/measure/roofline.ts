/**
 * Roofline counts: the floating-point operations and the memory traffic one training epoch (forward,
 * backward, Adam) of a model needs, from the graph's shapes and nonzero counts alone, and the rates an
 * epoch time achieves against them. Conventions: a multiply-add is 2 FLOPs; traffic counts every operand
 * read once and every result written once per use, float32 (4 B) dense entries, 8 B per CSR entry (index and
 * value) plus 4 B per row pointer; the evaluation pass and the loss on the training rows (O(train · C)) are
 * left out. Each built-in model's count is the sum of the primitive counts {@link spmmCost},
 * {@link gemmCost}, {@link elementwiseCost} and {@link adamCost}; a model registered by a user gets one with
 * {@link registerEpochCost}.
 */
import type { GraphTensors } from '@coin-gnn/core';
import { InvalidArgumentError } from '@coin-gnn/graph';

/** What an epoch's cost depends on. */
export interface GraphShape {
  /** N. */
  readonly numNodes: number;
  /** F. */
  readonly numFeatures: number;
  /** C. */
  readonly numClasses: number;
  /** Stored entries of the (sparse) feature matrix X. */
  readonly featureNnz: number;
  /** Stored entries of COIN's Laplacian L (diagonal included). */
  readonly laplacianNnz: number;
  /** Stored entries of the GCN-normalised adjacency Â (self-loops included). */
  readonly adjacencyNnz: number;
}

/** The {@link GraphShape} of a graph's tensors (building its two operators if not built yet). */
export function graphShape(graph: GraphTensors, numClasses: number): GraphShape {
  return {
    numNodes: graph.numNodes,
    numFeatures: graph.data.numFeatures,
    numClasses,
    featureNnz: graph.data.features.nnz,
    laplacianNnz: graph.operatorMatrix('coin-laplacian').nnz,
    adjacencyNnz: graph.operatorMatrix('gcn-norm').nnz,
  };
}

/** FLOPs and bytes of some work. */
export interface Cost {
  readonly flops: number;
  readonly bytes: number;
}

/** A model's epoch count from the graph and the model's resolved options. */
export type EpochCostModel = (graph: GraphShape, options: Readonly<Record<string, unknown>>) => Cost;

const F32 = 4;

/** Sum of costs. */
export function sumCosts(...costs: readonly Cost[]): Cost {
  return costs.reduce((a, c) => ({ flops: a.flops + c.flops, bytes: a.bytes + c.bytes }), {
    flops: 0,
    bytes: 0,
  });
}

/** `times` copies of a cost. */
export function repeatCost(cost: Cost, times: number): Cost {
  return { flops: cost.flops * times, bytes: cost.bytes * times };
}

/**
 * C = A B for a CSR A (rows × inRows, nnz entries) and dense B (inRows × cols):
 * flops = 2·nnz·cols, bytes = 8·nnz + 4·(rows + 1) + 4·inRows·cols + 4·rows·cols.
 */
export function spmmCost(nnz: number, rows: number, inRows: number, cols: number): Cost {
  return { flops: 2 * nnz * cols, bytes: 8 * nnz + F32 * (rows + 1) + F32 * (inRows + rows) * cols };
}

/** C = A B, A m × k, B k × n dense: flops = 2mkn, bytes = 4(mk + kn + mn). */
export function gemmCost(m: number, k: number, n: number): Cost {
  return { flops: 2 * m * k * n, bytes: F32 * (m * k + k * n + m * n) };
}

/**
 * An element-wise pass over `size` entries, `flopsPerEntry` operations each, reading `reads` and writing
 * `writes` arrays of that size: flops = size·flopsPerEntry, bytes = 4·size·(reads + writes).
 */
export function elementwiseCost(size: number, flopsPerEntry: number, reads: number, writes: number): Cost {
  return { flops: size * flopsPerEntry, bytes: F32 * size * (reads + writes) };
}

/**
 * Adam over P weights (decoupled-free L2 decay as the trainer does): g += λθ (2), m (3), v (4), the update
 * θ −= s·m / (√v / √(1−β₂ᵗ) + ε) (5) = 14 FLOPs; reads θ, g, m, v, writes θ, m, v: 28 bytes.
 */
export function adamCost(numWeights: number): Cost {
  return { flops: 14 * numWeights, bytes: 7 * F32 * numWeights };
}

/** An option that must be a number (a model's resolved options). */
function num(options: Readonly<Record<string, unknown>>, key: string): number {
  const value = options[key];
  if (typeof value !== 'number')
    throw new InvalidArgumentError('epochCost', `options.${key}`, value, 'a number');
  return value;
}

/**
 * A linear layer's weight count, F_in·F_out (+ F_out with a bias).
 */
const linearWeights = (fIn: number, fOut: number, bias: boolean): number => fIn * fOut + (bias ? fOut : 0);

/** Residual block H = X + relu(X W + b) on the sparse X, forward and backward (dW = Xᵀ dZ, db). */
function residualBlock(g: GraphShape): Cost {
  const { numNodes: n, numFeatures: f, featureNnz: nnz } = g;
  return sumCosts(
    spmmCost(nnz, n, f, f),
    elementwiseCost(n * f, 2, 2, 1), // + b, relu (the residual adds nnz more)
    elementwiseCost(n * f, 1, 2, 1), // relu mask on dH
    spmmCost(nnz, f, n, f), // dW = Xᵀ dZ
    elementwiseCost(n * f, 1, 1, 0), // db
  );
}

/** Adding a bias to N × cols entries and summing its gradient db = 1ᵀ dZ; nothing without a bias. */
const biasCost = (size: number, bias: boolean): Cost =>
  bias ? sumCosts(elementwiseCost(size, 1, 1, 1), elementwiseCost(size, 1, 1, 0)) : { flops: 0, bytes: 0 };

/** A linear layer Z = H W (+ b) on dense H (N × fIn → fOut), forward and backward (dW, db, dH). */
function denseLinear(n: number, fIn: number, fOut: number, bias = true): Cost {
  return sumCosts(
    gemmCost(n, fIn, fOut),
    biasCost(n * fOut, bias),
    gemmCost(fIn, n, fOut),
    gemmCost(n, fOut, fIn),
  );
}

/** One explicit diffusion step u − τ L u on `cols` columns, forward or backward. */
const diffusionStep = (g: GraphShape, cols: number): Cost =>
  sumCosts(
    spmmCost(g.laplacianNnz, g.numNodes, g.numNodes, cols),
    elementwiseCost(g.numNodes * cols, 2, 2, 1),
  );

/** COIN: residual block, classifier, softmax, K diffusion steps on C columns (each forward and backward). */
const coinCost: EpochCostModel = (g, o) => {
  const { numNodes: n, numFeatures: f, numClasses: c } = g;
  return sumCosts(
    residualBlock(g),
    denseLinear(n, f, c),
    elementwiseCost(n * c, 4, 1, 1), // softmax
    elementwiseCost(n * c, 4, 2, 1), // its gradient
    repeatCost(diffusionStep(g, c), 2 * num(o, 'numSteps')),
    adamCost(linearWeights(f, f, true) + linearWeights(f, c, true)),
  );
};

/** Diff-ResNet: residual block, K × (dropout, one diffusion step) on F columns, classifier. */
const diffResNetCost: EpochCostModel = (g, o) => {
  const { numNodes: n, numFeatures: f, numClasses: c } = g;
  const dropout = elementwiseCost(n * f, 1, 2, 1);
  return sumCosts(
    residualBlock(g),
    repeatCost(sumCosts(diffusionStep(g, f), dropout), 2 * num(o, 'numSteps')),
    denseLinear(n, f, c),
    adamCost(linearWeights(f, f, true) + linearWeights(f, c, true)),
  );
};

/** MLP's two layers with dropout on the sparse input and the hidden layer (the APPNP prediction too). */
function mlpLayers(g: GraphShape, hidden: number, bias: boolean): Cost {
  const { numNodes: n, numFeatures: f, numClasses: c, featureNnz: nnz } = g;
  return sumCosts(
    elementwiseCost(nnz, 1, 1, 1), // input dropout on X's entries
    spmmCost(nnz, n, f, hidden),
    biasCost(n * hidden, bias),
    elementwiseCost(n * hidden, 2, 2, 1), // relu, dropout
    denseLinear(n, hidden, c, bias),
    elementwiseCost(n * hidden, 2, 3, 1), // dropout and relu gradients
    spmmCost(nnz, f, n, hidden), // dW1 = Xᵀ dZ
    adamCost(linearWeights(f, hidden, bias) + linearWeights(hidden, c, bias)),
  );
}

const mlpCost: EpochCostModel = (g, o) => mlpLayers(g, num(o, 'hidden'), o.bias !== false);

/** APPNP: the MLP, then K steps z ← (1 − α) Â z + α h on C columns (forward and backward). */
const appnpCost: EpochCostModel = (g, o) => {
  const { numNodes: n, numClasses: c, adjacencyNnz: nnz } = g;
  const step = sumCosts(spmmCost(nnz, n, n, c), elementwiseCost(n * c, 2, 2, 1));
  return sumCosts(
    mlpLayers(g, num(o, 'hidden'), o.bias !== false),
    elementwiseCost(n * c, 1, 1, 1), // teleport α h
    repeatCost(step, 2 * num(o, 'numSteps')),
  );
};

/** GCN: two convolutions Â (H W) + b, relu and dropout between, dropout on the sparse input. */
const gcnCost: EpochCostModel = (g, o) => {
  const { numNodes: n, numFeatures: f, numClasses: c, featureNnz: xNnz, adjacencyNnz: aNnz } = g;
  const h = num(o, 'hidden');
  const propagate = (cols: number): Cost => repeatCost(spmmCost(aNnz, n, n, cols), 2);
  return sumCosts(
    elementwiseCost(xNnz, 1, 1, 1),
    spmmCost(xNnz, n, f, h),
    propagate(h),
    biasCost(n * h, true),
    elementwiseCost(n * h, 2, 2, 1),
    denseLinear(n, h, c),
    propagate(c),
    elementwiseCost(n * h, 2, 3, 1),
    spmmCost(xNnz, f, n, h),
    adamCost(linearWeights(f, h, true) + linearWeights(h, c, true)),
  );
};

/** SGC: Â^K (X W) + b, recomputed each epoch; backward Â^K again, dW = Xᵀ dZ. */
const sgcCost: EpochCostModel = (g, o) => {
  const { numNodes: n, numFeatures: f, numClasses: c, featureNnz: xNnz, adjacencyNnz: aNnz } = g;
  return sumCosts(
    spmmCost(xNnz, n, f, c),
    repeatCost(spmmCost(aNnz, n, n, c), 2 * num(o, 'numSteps')),
    biasCost(n * c, true),
    spmmCost(xNnz, f, n, c),
    adamCost(linearWeights(f, c, true)),
  );
};

/** Layer normalisation of `size` entries: forward (mean, variance, write: 5 per entry), backward (8). */
const layerNormCost = (size: number): Cost =>
  sumCosts(elementwiseCost(size, 5, 1, 1), elementwiseCost(size, 8, 3, 1));

/**
 * One DIFFormer layer on N × d states: queries and keys (two linear layers), the simple attention (its
 * kernel's two N·d·d products forward and, with the forward again, six in the gradient, plus row passes),
 * Â H forward and backward, the residual sum of three terms, layer norm, dropout.
 */
function difformerLayer(g: GraphShape, d: number): Cost {
  const { numNodes: n, adjacencyNnz: aNnz } = g;
  return sumCosts(
    repeatCost(denseLinear(n, d, d), 2),
    repeatCost(gemmCost(n, d, d), 8),
    elementwiseCost(n * d, 6, 3, 3),
    repeatCost(spmmCost(aNnz, n, n, d), 2),
    elementwiseCost(n * d, 5, 3, 1), // α·attention + α·ÂH + (1 − α)·H
    elementwiseCost(n * d, 3, 1, 3), // its gradient to the three terms
    layerNormCost(n * d),
    repeatCost(elementwiseCost(n * d, 1, 2, 1), 2), // dropout and its gradient
  );
}

/** DIFFormer (simple): input layer on the sparse X with layer norm, relu and dropout, L layers, classifier. */
const difformerCost: EpochCostModel = (g, o) => {
  const { numNodes: n, numFeatures: f, numClasses: c, featureNnz: xNnz } = g;
  const d = num(o, 'hidden');
  const layers = num(o, 'numLayers');
  return sumCosts(
    spmmCost(xNnz, n, f, d),
    biasCost(n * d, true),
    layerNormCost(n * d),
    elementwiseCost(n * d, 2, 2, 1), // relu, dropout
    elementwiseCost(n * d, 2, 3, 1), // their gradients
    spmmCost(xNnz, f, n, d), // dW = Xᵀ dZ
    repeatCost(difformerLayer(g, d), layers),
    denseLinear(n, d, c),
    adamCost(
      linearWeights(f, d, true) +
        layers * 2 * linearWeights(d, d, true) +
        (layers + 1) * 2 * d +
        linearWeights(d, c, true),
    ),
  );
};

const costModels = new Map<string, EpochCostModel>([
  ['coin', coinCost],
  ['diff-resnet', diffResNetCost],
  ['gcn', gcnCost],
  ['appnp', appnpCost],
  ['sgc', sgcCost],
  ['mlp', mlpCost],
  ['difformer', difformerCost],
]);

/** Registers (or replaces) the epoch count of a model name, e.g. of a model added with `registerModel`. */
export function registerEpochCost(model: string, cost: EpochCostModel): void {
  costModels.set(model, cost);
}

/** Whether `model` has an epoch count (a built-in's, or one registered with {@link registerEpochCost}). */
export function hasEpochCost(model: string): boolean {
  return costModels.has(model);
}

/**
 * FLOPs and bytes of one training epoch of `model` (a built-in's count, or one registered with
 * {@link registerEpochCost}).
 * @throws {@link InvalidArgumentError} for a model without a count
 */
export function epochCost(
  model: string,
  graph: GraphShape,
  options: Readonly<Record<string, unknown>>,
): Cost {
  const count = costModels.get(model);
  if (count === undefined) {
    throw new InvalidArgumentError(
      'epochCost',
      'model',
      model,
      `a model with an epoch count (${[...costModels.keys()].join(', ')}; registerEpochCost adds one)`,
    );
  }
  return count(graph, options);
}

/** Rates an epoch of `ms` milliseconds achieves on `cost`: GFLOP/s and GB/s (10⁹). */
export function achievedRates(cost: Cost, ms: number): { gflops: number; gbps: number } {
  return { gflops: cost.flops / (ms * 1e6), gbps: cost.bytes / (ms * 1e6) };
}
