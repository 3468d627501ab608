/**
 * A message-passing layer of one's own, written on coin-gnn's `MessagePassing` base from the public API only:
 * each node averages a learned transform of its neighbours' differences to it, plus a root term,
 * $$ x'_i = x_i W_{\text{root}} + \frac{1}{|\mathcal N(i)|} \sum_{j \to i} \operatorname{relu}\big((x_j - x_i) W\big) $$
 * (an EdgeConv-style message, Wang et al., arXiv:1801.07829, with the mean in place of the max). The base
 * class does the gathering, the mean by destination and the gradients; the layer writes its weights, its
 * `message` and a `forward` that calls `propagate`. Then a two-layer model with it, registered as
 * `'difference-gnn'`: `createModel`, the experiment runner and `coin --import … train` take it like a built-in.
 */
import {
  Dropout,
  type EdgeIndex,
  type GraphTensors,
  glorotUniform,
  Linear,
  type MessageInputs,
  MessagePassing,
  matMul2d,
  NodeModel,
  Parameter,
  registerModel,
  tf,
} from '@coin-gnn/core';

export class DifferenceConv extends MessagePassing<[tf.Tensor2D, EdgeIndex]> {
  readonly weight: Parameter;
  readonly rootWeight: Parameter;

  constructor(inFeatures: number, outFeatures: number) {
    super('mean');
    this.weight = new Parameter([inFeatures, outFeatures], glorotUniform);
    this.rootWeight = new Parameter([inFeatures, outFeatures], glorotUniform);
  }

  forward(x: tf.Tensor2D, edges: EdgeIndex): tf.Tensor2D {
    return tf.tidy(() =>
      tf.add(this.propagate(edges, x), matMul2d(x, this.rootWeight.variable as tf.Tensor2D)),
    );
  }

  /** One row per edge j → i: relu((x_j − x_i) W). */
  protected override message({ sourceRows, targetRows }: MessageInputs): tf.Tensor2D {
    return tf.relu(matMul2d(tf.sub(sourceRows(), targetRows()), this.weight.variable as tf.Tensor2D));
  }
}

export interface DifferenceGnnOptions {
  hidden: number;
  dropout: number;
}

/** Y = DifferenceConv(drop(relu(drop(X) W₁ + b₁))) W₂ + b₂ over the graph's own edges. */
export class DifferenceGnn extends NodeModel {
  dropout: Dropout;
  input: Linear;
  conv: DifferenceConv;
  classifier: Linear;

  constructor(numFeatures: number, numClasses: number, { hidden, dropout }: DifferenceGnnOptions) {
    super();
    this.dropout = new Dropout(dropout);
    this.input = new Linear(numFeatures, hidden);
    this.conv = new DifferenceConv(hidden, hidden);
    this.classifier = new Linear(hidden, numClasses);
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    const x = this.dropout.features(graph);
    return tf.tidy(() => {
      const h = this.dropout.forward(tf.relu(this.input.forward(x)));
      return this.classifier.forward(tf.relu(this.conv.forward(h, graph.edges('adjacency'))));
    });
  }
}

registerModel<DifferenceGnnOptions>(
  'difference-gnn',
  ({ numFeatures, numClasses, options }) => new DifferenceGnn(numFeatures, numClasses, options),
  { defaults: { hidden: 32, dropout: 0.5 } },
);
