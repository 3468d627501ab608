import * as tf from '@tensorflow/tfjs-core';
import { uniform } from '../module/initializers.js';
import { Module } from '../module/module.js';
import { Parameter } from '../module/parameter.js';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { matMul2d } from '../ops/mat-mul-2d.js';
import { checkFeatureCounts } from './linear.js';

/**
 * GraphHeat's convolution (Xu et al., "Graph Convolutional Networks using Heat Kernel for Semi-supervised
 * Learning", arXiv:2007.16002, eq. 10, as COIN's reproduction graph/reproduce/graphheat): the heat-kernel
 * wavelet neighbourhood and the node itself, each with its own weight,
 * $$ H' = \Psi_s H W_1 + H W_2 $$
 * with Ψ_s the sparsified heat kernel e^{−sL} without its diagonal (`heatWavelet` of the graph package).
 * No bias. W₁ and W₂ are stored side by side as one parameter `weight` = [W₁ W₂] (F_in × 2F_out), so H is
 * multiplied once; entries uniform on ±1/√F_out (the reproduction's initialisation). H may be sparse.
 * Shapes: H (numNodes, F_in), Ψ_s (numNodes, numNodes) → (numNodes, F_out).
 *
 * @throws {@link InvalidArgumentError} if a feature count is not a positive integer
 */
export class HeatConv extends Module<[tf.Tensor2D | CsrTensor, CsrTensor], tf.Tensor2D> {
  readonly weight: Parameter;

  /**
   * @param inFeatures - F_in
   * @param outFeatures - F_out
   */
  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
  ) {
    super();
    checkFeatureCounts('HeatConv', { inFeatures, outFeatures });
    this.weight = new Parameter([inFeatures, 2 * outFeatures], uniform(1 / Math.sqrt(outFeatures)));
  }

  /**
   * The heat-wavelet convolution of the class comment applied to h.
   * @param h - node features (numNodes, F_in), dense or sparse
   * @param wavelet - Ψ_s as a constant sparse tensor
   */
  forward(h: tf.Tensor2D | CsrTensor, wavelet: CsrTensor): tf.Tensor2D {
    return tf.tidy(() => {
      const w = this.weight.variable as tf.Tensor2D;
      const hw = h instanceof CsrTensor ? csrMatMul(h, w) : matMul2d(h, w);
      const [neighbours, self] = [0, 1].map((half) => matMul2d(hw, this.selection(half)));
      return tf.add(csrMatMul(wavelet, neighbours), self) as tf.Tensor2D;
    });
  }

  /**
   * The half `half` (0: W₁'s columns, 1: W₂'s) of HW = [HW₁ HW₂] as the product HW·S with the 0/1 matrix
   * S (2F_out × F_out), S_{half·F_out + c, c} = 1: exact (each entry is one product by 1 plus zeros), and on
   * cpu a SIMD product where tfjs' column split runs an index loop per entry (most of GraphHeat's epoch).
   */
  private selection(half: number): tf.Tensor2D {
    const f = this.outFeatures;
    const s = new Float32Array(2 * f * f);
    for (let c = 0; c < f; c++) s[(half * f + c) * f + c] = 1;
    return tf.tensor2d(s, [2 * f, f]);
  }
}
