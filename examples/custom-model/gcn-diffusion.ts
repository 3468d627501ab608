/**
 * A model no registry entry has, written on coin-gnn's module base: two GCN layers, then K diffusion steps
 * on the hidden features with COIN's Laplacian, then a linear classifier,
 * $$ H = \hat A\,\operatorname{relu}(\hat A X W_1 + b_1) W_2 + b_2,\quad H \leftarrow H - \sigma^2 L H\ (K\text{ times}),\quad
 *    Y = H W_3 + b_3 $$
 * Importing this module registers it as `'gcn-diffusion'`: `createModel`, `loadModel`, the experiment runner,
 * the bench and `coin --import ./gcn-diffusion.ts train --model gcn-diffusion` then take it like a built-in.
 */
import {
  GcnConv,
  GraphDiffusion,
  type GraphTensors,
  Linear,
  NodeModel,
  registerModel,
  tf,
} from '@coin-gnn/core';

export interface GcnDiffusionOptions {
  hidden: number;
  numSteps: number;
  sigma2: number;
}

export class GcnDiffusion extends NodeModel {
  conv1: GcnConv;
  conv2: GcnConv;
  diffusion: GraphDiffusion;
  classifier: Linear;

  constructor(numFeatures: number, numClasses: number, { hidden, numSteps, sigma2 }: GcnDiffusionOptions) {
    super();
    this.conv1 = new GcnConv(numFeatures, hidden);
    this.conv2 = new GcnConv(hidden, hidden);
    this.diffusion = new GraphDiffusion({ numSteps, sigma2 }); // operator: COIN's Laplacian
    this.classifier = new Linear(hidden, numClasses);
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    return tf.tidy(() => {
      const a = graph.operator('gcn-norm');
      const h = this.conv2.forward(tf.relu(this.conv1.forward(graph.features(), a)), a);
      return this.classifier.forward(this.diffusion.forward(h, graph));
    });
  }
}

// Typed createModel('gcn-diffusion', { options: { hidden: 32 } }) for code that imports this module.
declare module '@coin-gnn/core' {
  interface ModelOptionsByName {
    'gcn-diffusion': GcnDiffusionOptions;
  }
}

registerModel<GcnDiffusionOptions>(
  'gcn-diffusion',
  ({ numFeatures, numClasses, options }) => new GcnDiffusion(numFeatures, numClasses, options),
  { defaults: { hidden: 64, numSteps: 10, sigma2: 0.3 } },
);
