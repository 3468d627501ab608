import { CoinError, Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { Dropout } from '../layers/dropout.js';
import { GaussianNoise } from '../layers/gaussian-noise.js';
import { Linear } from '../layers/linear.js';
import { uniform, zeros } from './initializers.js';
import { Module } from './module.js';
import { Parameter } from './parameter.js';

/** A module with a parameter, a child, an array of children and a stochastic child, in that order. */
class Tree extends Module<[tf.Tensor2D], tf.Tensor2D> {
  readonly scale = new Parameter([1], uniform(1), { decay: false });
  readonly encoder = new Linear(3, 4);
  readonly blocks = [new Linear(4, 4, { bias: false }), new Linear(4, 2)];
  readonly noise = new GaussianNoise(0.1);
  readonly label = 'not a module'; // plain values are ignored

  forward(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      let h = this.noise.forward(this.encoder.forward(x)) as tf.Tensor2D;
      for (const block of this.blocks) h = block.forward(h);
      return tf.mul(h, this.scale.variable);
    });
  }
}

describe('Module', () => {
  it('registers parameters, children and arrays of children by assignment, with dotted names in order', () => {
    const tree = new Tree().resetParameters(1);
    expect(tree.namedWeights().map((w) => [w.name, w.variable.shape, w.decay])).toEqual([
      ['scale', [1], false],
      ['encoder.weight', [3, 4], true],
      ['encoder.bias', [4], true],
      ['blocks.0.weight', [4, 4], true],
      ['blocks.1.weight', [4, 2], true],
      ['blocks.1.bias', [2], true],
    ]);
    expect(tree.namedChildren().map(([name]) => name)).toEqual(['encoder', 'blocks.0', 'blocks.1', 'noise']);
    expect([...tree.modules()]).toHaveLength(5);
    tree.dispose();
  });

  it('draws every parameter from the seed in property order: same seed, same weights; new seed, new ones', () => {
    const values = (seed: number) => {
      const tree = new Tree().resetParameters(seed);
      const out = tree.namedWeights().map((w) => Array.from(w.variable.dataSync()));
      tree.dispose();
      return out;
    };
    expect(values(3)).toEqual(values(3));
    expect(values(3)).not.toEqual(values(4));
    // The order is the property order: the first parameter gets the generator's first draw.
    const first = new Rng(3).uniform();
    expect(values(3)[0][0]).toBeCloseTo(2 * first - 1, 6);
  });

  it('resets in place: the same variables get new values', () => {
    const tree = new Tree().resetParameters(1);
    const variable = tree.encoder.weight.variable;
    const before = Array.from(variable.dataSync());
    tree.resetParameters(2);
    expect(tree.encoder.weight.variable).toBe(variable);
    expect(Array.from(variable.dataSync())).not.toEqual(before);
    tree.dispose();
  });

  it('switches the whole tree between training and evaluation mode', () => {
    const tree = new Tree().resetParameters(0);
    const x = tf.ones([2, 3]) as tf.Tensor2D;
    tree.eval();
    expect([...tree.modules()].every((m) => !m.training)).toBe(true);
    const a = tree.forward(x).dataSync();
    expect(Array.from(tree.forward(x).dataSync())).toEqual(Array.from(a));
    tree.train(new Rng(5));
    expect([...tree.modules()].every((m) => m.training)).toBe(true);
    expect(Array.from(tree.forward(x).dataSync())).not.toEqual(Array.from(a)); // noise on
    tree.dispose();
  });

  it('is deterministic exactly when no module draws random numbers', () => {
    expect(new Tree().deterministic).toBe(false);
    expect(new Linear(2, 2).deterministic).toBe(true);
    expect(new Dropout(0).deterministic).toBe(true);
    expect(new Dropout(0.5).deterministic).toBe(false);
  });

  it('explains a missing resetParameters and a missing generator', () => {
    const tree = new Tree();
    expect(() => tree.namedWeights()).toThrow(CoinError);
    expect(() => tree.namedWeights()).toThrow(/resetParameters/);
    tree.resetParameters(0);
    expect(() => tree.train().forward(tf.ones([1, 3]) as tf.Tensor2D)).toThrow(/GaussianNoise.*train\(rng\)/);
    tree.dispose();
  });

  it('frees every variable on dispose and can be drawn again', () => {
    const before = tf.memory().numTensors;
    const tree = new Tree().resetParameters(0);
    expect(tf.memory().numTensors).toBe(before + 6);
    tree.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(tree.encoder.weight.initialized).toBe(false);
    tree.resetParameters(0);
    expect(tf.memory().numTensors).toBe(before + 6);
    tree.dispose();
  });
});

describe('Parameter', () => {
  it('initialises zeros without drawing, and keeps the decay flag', () => {
    const rng = new Rng(1);
    const p = new Parameter([2, 2], zeros, { decay: false });
    p.reset(rng);
    expect(Array.from(p.variable.dataSync())).toEqual([0, 0, 0, 0]);
    expect(rng.uniform()).toBe(new Rng(1).uniform());
    expect(p.decay).toBe(false);
    p.dispose();
  });
});
