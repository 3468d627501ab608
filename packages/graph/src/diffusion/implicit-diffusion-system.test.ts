import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NumericalError } from '../errors.js';
import { fromDense } from '../sparse/from-dense.js';
import { expectClose } from '../testing/index.js';
import { implicitDiffusionSystem } from './implicit-diffusion-system.js';

describe('implicitDiffusionSystem', () => {
  it('keeps a symmetric L as it is, with the Jacobi diagonal 1 / (1 + σ² L_ii)', () => {
    const l = fromDense([1, -1, -1, 1], 2, 2);
    const system = implicitDiffusionSystem(l, 0.5);
    expect(system.values).toBe(l.values);
    expect(system.scale).toBeNull();
    expectClose(system.inverseDiagonal, [1 / 1.5, 1 / 1.5], 1e-12);
  });

  it('symmetrises the random-walk Laplacian of a star with scales √d (S for L, S⁻¹ for Lᵀ)', () => {
    // star with centre 0 and leaves 1, 2: d = (2, 1, 1); L_rw = I − D⁻¹A
    const l = fromDense([1, -0.5, -0.5, -1, 1, 0, -1, 0, 1], 3, 3);
    const forward = implicitDiffusionSystem(l, 1);
    const ratio = forward.scale![0] / forward.scale![1];
    expectClose(ratio, Math.SQRT2, 1e-7);
    // L̃ = I − D^{-1/2} A D^{-1/2}: off-diagonal −1/√2 both ways
    expectClose(forward.values, [1, -Math.SQRT1_2, -Math.SQRT1_2, -Math.SQRT1_2, 1, -Math.SQRT1_2, 1], 1e-6);
    const backward = implicitDiffusionSystem(l, 1, true);
    expectClose(backward.scale![1] / backward.scale![0], Math.SQRT2, 1e-7);
  });

  it('throws for a non-symmetrisable L or a non-positive diagonal of I + σ²L', () => {
    expect(() => implicitDiffusionSystem(fromDense([1, -1, 0, 1], 2, 2), 1)).toThrow(InvalidArgumentError);
    expect(() => implicitDiffusionSystem(fromDense([-1, 0, 0, 1], 2, 2), 2)).toThrow(NumericalError);
  });

  it('names sigma2, not the preconditioner, when 1 + σ²L_ii overflows', () => {
    const l = fromDense([2, -2, -2, 2], 2, 2);
    expect(() => implicitDiffusionSystem(l, 1e308)).toThrow(
      /implicitDiffusionSystem: `sigma2` must be small enough that the diagonal entry 1 \+ sigma2·L\[0\]\[0\] is finite \(L\[0\]\[0\] = 2\), got 1e\+308/,
    );
    expectClose(implicitDiffusionSystem(l, 1e300).inverseDiagonal, [5e-301, 5e-301], 1e-12);
  });
});
