import { describe, expect, it } from 'vitest';
import {
  achievedRates,
  adamCost,
  elementwiseCost,
  epochCost,
  type GraphShape,
  gemmCost,
  hasEpochCost,
  registerEpochCost,
  spmmCost,
} from './roofline.js';

/** 3 nodes, 2 features, 2 classes, 4 feature entries, 7 entries in L and in Â (4 edges' ends + 3 loops). */
const tiny: GraphShape = {
  numNodes: 3,
  numFeatures: 2,
  numClasses: 2,
  featureNnz: 4,
  laplacianNnz: 7,
  adjacencyNnz: 7,
};

describe('roofline primitives', () => {
  it('count a CSR product, a dense product, an element-wise pass and Adam by hand', () => {
    // 2·4·2 multiply-adds; 4 entries × 8 B + 4 row pointers × 4 B + B (3 × 2) and C (3 × 2) floats × 4 B.
    expect(spmmCost(4, 3, 3, 2)).toEqual({ flops: 16, bytes: 32 + 16 + 24 + 24 });
    // 2·3·4·5; A 12, B 20, C 15 floats.
    expect(gemmCost(3, 4, 5)).toEqual({ flops: 120, bytes: 4 * (12 + 20 + 15) });
    expect(elementwiseCost(10, 3, 2, 1)).toEqual({ flops: 30, bytes: 120 });
    expect(adamCost(5)).toEqual({ flops: 70, bytes: 140 });
  });

  it('turns a cost and a time into GFLOP/s and GB/s', () => {
    expect(achievedRates({ flops: 2e9, bytes: 1e9 }, 1000)).toEqual({ gflops: 2, gbps: 1 });
    expect(achievedRates({ flops: 3e7, bytes: 6e7 }, 10)).toEqual({ gflops: 3, gbps: 6 });
  });
});

describe('epochCost', () => {
  it('counts a COIN epoch (K = 1) on the tiny graph as the hand count', () => {
    // Residual block: X W (16 FLOPs, 88 B) + bias/relu (12, 72) + relu mask (6, 72) + Xᵀ dZ (16, 84) + db (6, 24).
    const block = { flops: 16 + 12 + 6 + 16 + 6, bytes: 88 + 72 + 72 + 84 + 24 };
    // Classifier: H W2 (24, 64) + bias (6, 48) + dW2 (24, 64) + db2 (6, 24) + dH (24, 64).
    const classifier = { flops: 84, bytes: 264 };
    // Softmax (24, 48) and its gradient (24, 72).
    const softmax = { flops: 48, bytes: 120 };
    // One diffusion step L u (28, 56 + 16 + 24 + 24) + u − τ L u (12, 72), forward and backward.
    const diffusion = { flops: 2 * 40, bytes: 2 * 192 };
    // Adam over W1 (4) + b1 (2) + W2 (4) + b2 (2) = 12 weights.
    const adam = { flops: 168, bytes: 336 };
    const parts = [block, classifier, softmax, diffusion, adam];
    expect(epochCost('coin', tiny, { numSteps: 1 })).toEqual({
      flops: parts.reduce((s, p) => s + p.flops, 0),
      bytes: parts.reduce((s, p) => s + p.bytes, 0),
    });
    expect(epochCost('coin', tiny, { numSteps: 1 })).toEqual({ flops: 436, bytes: 1444 });
  });

  it('counts an SGC epoch (K = 2) on the tiny graph as the hand count', () => {
    // X W (16, 88) + 4 products with Â (4 × (28, 120)) + bias (6, 48) + db (6, 24) + Xᵀ dZ (16, 84) + Adam (6 weights).
    expect(epochCost('sgc', tiny, { numSteps: 2 })).toEqual({
      flops: 16 + 112 + 6 + 6 + 16 + 84,
      bytes: 88 + 480 + 48 + 24 + 84 + 168,
    });
  });

  it('grows linearly in K with one diffusion step forward and backward per K', () => {
    const per = (m: string, o: Record<string, unknown>, key: string) => {
      const a = epochCost(m, tiny, { ...o, [key]: 3 });
      const b = epochCost(m, tiny, { ...o, [key]: 4 });
      return { flops: b.flops - a.flops, bytes: b.bytes - a.bytes };
    };
    expect(per('coin', {}, 'numSteps')).toEqual({ flops: 80, bytes: 384 });
    // Diff-ResNet: a step on F = 2 columns (40, 192) and a dropout (6, 72), forward and backward.
    expect(per('diff-resnet', {}, 'numSteps')).toEqual({ flops: 2 * 46, bytes: 2 * 264 });
    expect(per('appnp', { hidden: 4, bias: true }, 'numSteps')).toEqual({ flops: 80, bytes: 384 });
    // DIFFormer, hidden 2 on N = 3 (N·d = 6 entries): per layer two linear layers (each 3 products of
    // 24 FLOPs, bias 6 + 6), eight attention products (8 × 24), its row passes (6 × 6), ÂH forward and
    // backward (2 × 28), the residual sum and its gradient (30 + 18), layer norm (30 + 48), dropout twice
    // (12), Adam over 2 × 6 weights and γ, β (16 × 14).
    expect(per('difformer', { hidden: 2 }, 'numLayers').flops).toBe(
      2 * (3 * 24 + 12) + 8 * 24 + 36 + 2 * 28 + 30 + 18 + 30 + 48 + 12 + 16 * 14,
    );
  });

  it('counts weights of GCN and MLP from the hidden width (bias on or off)', () => {
    const adamOnly = (m: string, o: Record<string, unknown>) => epochCost(m, tiny, o).flops;
    // MLP hidden 4: biases add 4 + 2 weights to Adam (14 FLOPs each), b1 and db1 over N × H (12 + 12),
    // b2 and db2 over N × C (6 + 6).
    expect(adamOnly('mlp', { hidden: 4, bias: true }) - adamOnly('mlp', { hidden: 4, bias: false })).toBe(
      6 * 14 + 24 + 12,
    );
    expect(epochCost('gcn', tiny, { hidden: 4 }).flops).toBeGreaterThan(
      epochCost('mlp', tiny, { hidden: 4 }).flops,
    );
  });

  it('takes a registered count for a user model, and names the models it knows otherwise', () => {
    expect(hasEpochCost('my-model')).toBe(false);
    registerEpochCost('my-model', (g) => ({ flops: g.numNodes, bytes: 2 * g.numNodes }));
    expect(hasEpochCost('my-model')).toBe(true);
    expect(hasEpochCost('coin')).toBe(true);
    expect(epochCost('my-model', tiny, {})).toEqual({ flops: 3, bytes: 6 });
    expect(() => epochCost('nope', tiny, {})).toThrow(/coin, diff-resnet, gcn, appnp, sgc, mlp.*nope/s);
    expect(() => epochCost('coin', tiny, {})).toThrow(/options\.numSteps/);
  });
});
