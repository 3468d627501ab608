/**
 * A user's plugin module for the CLI tests: it registers a model from outside the library, as a user's own
 * file given to `coin --import` would.
 */
import { type GraphTensors, Linear, NodeModel, registerModel, tf } from '@coin-gnn/core';

/** Logistic regression on the features, scaled by a temperature: Y = (X W + b) / τ. */
class ScaledLogistic extends NodeModel {
  readonly linear: Linear;

  constructor(
    numFeatures: number,
    numClasses: number,
    readonly temperature: number,
  ) {
    super();
    this.linear = new Linear(numFeatures, numClasses);
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    return tf.tidy(() => tf.div(this.linear.forward(graph.features()), this.temperature));
  }
}

registerModel(
  'plugin-logistic',
  ({ numFeatures, numClasses, options }) => new ScaledLogistic(numFeatures, numClasses, options.temperature),
  {
    defaults: { temperature: 1 },
    options: { temperature: { description: 'softmax temperature τ of the plugin model', min: 0.01 } },
  },
);
