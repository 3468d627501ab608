import * as tf from '@tensorflow/tfjs-core';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { csrValuesGradient } from '../ops/csr-values-gradient.js';
import { scaledSum } from '../ops/scaled-sum.js';
import type { ButcherTableau } from './butcher-tableau.js';
import { type OdeintOptions, resolveOdeintOptions } from './ode-options.js';
import { type OdeResult, type OdeStats, odeintSteps, tableauOf } from './odeint.js';
import type { FieldWithParams, VectorField } from './vector-field.js';

/** The vector field f(t, x) = L x + s of a linear graph ODE, which carries its L and s ({@link linearField}). */
export interface LinearVectorField extends VectorField<tf.Tensor2D> {
  /** L (numNodes × numNodes). */
  readonly operator: CsrTensor;
  /** s (numNodes × d). */
  readonly source: tf.Tensor2D;
}

/**
 * The vector field of a linear graph ODE with a constant source,
 * $$ f(t, x) = L x + s $$
 * as two kernels per evaluation, one sparse × dense product (csrMatMul, differentiable in L's values) and
 * one {@link scaledSum}; it carries L and s, so that an ODE block solves it with {@link linearOdeint}.
 * @param l - L, numNodes × numNodes
 * @param source - s, numNodes × d
 */
export function linearField(l: CsrTensor, source: tf.Tensor2D): LinearVectorField {
  const f = (_t: number, x: tf.Tensor2D) => scaledSum([csrMatMul(l, x), source], [1, 1]);
  return Object.assign(f, { operator: l, source });
}

/**
 * A linear field f(t, x) = Lx + s with its tensors θ = [L's values, s] as the argument of the field,
 * f(t, x; v, s) = L(v)x + s on L's pattern (its index tensors constants), for `odeintAdjoint`: the
 * gradient reaches L's values and s, and through them whatever they are computed from.
 */
export function linearFieldWithParams(f: LinearVectorField): FieldWithParams<tf.Tensor2D> {
  const { operator: l, source } = f;
  return {
    field: (t, x, [values, s]) =>
      linearField(
        new CsrTensor(l.shape, l.indptr, l.indices, values as tf.Tensor1D, l.rowIds),
        s as tf.Tensor2D,
      )(t, x),
    params: [l.values, source],
  };
}

/** Whether f is a {@link LinearVectorField}. */
export function isLinearField(f: VectorField<tf.Tensor2D>): f is LinearVectorField {
  return 'operator' in f && 'source' in f;
}

/** One accepted step of the forward solve: its size and how many of the saved stage inputs are its own. */
interface StepRecord {
  readonly h: number;
  readonly stages: number;
}

/**
 * The stages whose k_i reaches y_{n+1} (b_i ≠ 0, or a_mi ≠ 0 for a later such stage m): the others (dopri5's
 * seventh, FSAL) are not saved for the backward pass.
 */
function neededStages(tableau: ButcherTableau): number {
  const s = tableau.c.length;
  const needed = tableau.b.map((b) => b !== 0);
  for (let i = s - 1; i >= 0; i--) {
    for (let m = i + 1; m < s; m++) if (needed[m] && (tableau.a[m][i] ?? 0) !== 0) needed[i] = true;
  }
  return needed.lastIndexOf(true) + 1;
}

/**
 * Backward pass of one explicit Runge–Kutta step of y′ = Ly + s (the discrete adjoint: the exact gradient of
 * the computed step, as the tape's): with λ = ∂ℓ/∂y_{n+1}, for i = s … 1
 * $$ g_i = \frac{\partial\ell}{\partial k_i} = h b_i \lambda + \sum_{m>i} h a_{mi} \mu_m,\qquad
 *    \mu_i = \frac{\partial\ell}{\partial Y_i} = L^\top g_i $$
 * and ∂ℓ/∂y_n = λ + Σ_i μ_i, ∂ℓ/∂L_p += Σ_i (g_i Y_iᵀ)_p, ∂ℓ/∂s += Σ_i g_i.
 * @returns ∂ℓ/∂y_n, and the step's contributions to ∂ℓ/∂values and ∂ℓ/∂s
 */
function stepBackward(
  l: CsrTensor,
  tableau: ButcherTableau,
  h: number,
  stages: readonly tf.Tensor2D[],
  lambda: tf.Tensor2D,
): { dy: tf.Tensor2D; dValues: tf.Tensor1D | null; dSource: tf.Tensor2D | null } {
  const mu: (tf.Tensor2D | null)[] = stages.map(() => null);
  const gs: tf.Tensor2D[] = [];
  const dValues: tf.Tensor1D[] = [];
  for (let i = stages.length - 1; i >= 0; i--) {
    const terms: tf.Tensor2D[] = [];
    const weights: number[] = [];
    if (tableau.b[i] !== 0) {
      terms.push(lambda);
      weights.push(h * tableau.b[i]);
    }
    for (let m = i + 1; m < stages.length; m++) {
      const a = tableau.a[m][i] ?? 0;
      const mum = mu[m];
      if (a !== 0 && mum !== null) {
        terms.push(mum);
        weights.push(h * a);
      }
    }
    if (terms.length === 0) continue;
    const g = scaledSum(terms, weights);
    gs.push(g);
    mu[i] = csrMatMul(l, g, true);
    dValues.push(csrValuesGradient(l, g, stages[i], false));
  }
  const mus = mu.filter((m): m is tf.Tensor2D => m !== null);
  return {
    dy: scaledSum([lambda, ...mus], [1, ...mus.map(() => 1)]),
    dValues: dValues.length === 0 ? null : (tf.addN(dValues) as tf.Tensor1D),
    dSource:
      gs.length === 0
        ? null
        : scaledSum(
            gs,
            gs.map(() => 1),
          ),
  };
}

/**
 * Solves the linear graph ODE y′ = L y + s, y(t₀) = y₀ up to t₁ with {@link odeint}'s methods and step
 * control — each evaluation one sparse × dense product and one weighted sum — and differentiates it by the
 * discrete adjoint of the Runge–Kutta scheme instead of the tape: the gradient is the tape's (the exact
 * gradient of the computed solution, accepted step sizes constant), computed step by step backwards with
 * one transposed product, one SDDMM and two weighted sums per stage,
 * $$ \mu_i = L^\top g_i,\qquad g_i = h b_i \lambda + \sum_{m>i} h a_{mi}\mu_m,\qquad
 *    \lambda_n = \lambda_{n+1} + \sum_i \mu_i $$
 * (see `stepBackward`), so nothing but the accepted steps' stage inputs Y_i is kept for the backward pass
 * (the tape would keep every stage's tensors and sum their gradients with tfjs adds). Gradients flow to L's
 * values, to s and to y₀; L's index tensors are constants.
 *
 * @param l - L (numNodes × numNodes), its values differentiable
 * @param source - s (numNodes × d), constant in time
 * @param y0 - y₀ (numNodes × d), float32
 * @param t1 - end time
 * @param options - as {@link odeint}'s
 * @returns y(t₁) and the solver's counts
 * @throws as {@link odeint}
 * @example linearOdeint(scaledOperator(mMinusI, rate), tf.mul(x0, beta), x0, 18.29, { rtol: 1e-6 })
 */
export function linearOdeint(
  l: CsrTensor,
  source: tf.Tensor2D,
  y0: tf.Tensor2D,
  t1: number,
  options: OdeintOptions = {},
): OdeResult<tf.Tensor2D> {
  const tableau = tableauOf(resolveOdeintOptions('odeint', t1, options).method);
  const saved = neededStages(tableau);
  const steps: StepRecord[] = [];
  let stats: OdeStats | null = null;
  const forward = (values: tf.Tensor, s: tf.Tensor, x0: tf.Tensor, save: tf.GradSaveFunc) => {
    const lv = new CsrTensor(l.shape, l.indptr, l.indices, values as tf.Tensor1D, l.rowIds);
    const field = linearField(lv, s as tf.Tensor2D);
    const kept: tf.Tensor2D[] = [];
    const result = odeintSteps(field, x0 as tf.Tensor2D, t1, options, (_t, h, stages) => {
      steps.push({ h, stages: saved });
      kept.push(...stages.slice(0, saved).map((t) => tf.clone(t)));
    });
    stats = result.stats;
    save([values, ...kept]);
    return {
      value: result.y,
      gradFunc: (dy: tf.Tensor, [savedValues, ...stageInputs]: tf.Tensor[]) => {
        const lt = new CsrTensor(l.shape, l.indptr, l.indices, savedValues as tf.Tensor1D, l.rowIds);
        let lambda = dy as tf.Tensor2D;
        let dValues: tf.Tensor1D = tf.zerosLike(values) as tf.Tensor1D;
        let dSource: tf.Tensor2D = tf.zerosLike(s) as tf.Tensor2D;
        let end = stageInputs.length;
        for (let n = steps.length - 1; n >= 0; n--) {
          const { h, stages } = steps[n];
          const step = stepBackward(
            lt,
            tableau,
            h,
            stageInputs.slice(end - stages, end) as tf.Tensor2D[],
            lambda,
          );
          end -= stages;
          lambda = step.dy;
          if (step.dValues) dValues = tf.add(dValues, step.dValues);
          if (step.dSource) dSource = scaledSum([dSource, step.dSource], [1, 1]);
        }
        return [dValues, dSource, lambda];
      },
    };
  };
  // Run as a named op (scope `linearOdeint__op`), which kernel profiles list apart from the kernels it launches.
  const solve = tf.op({
    linearOdeint_: tf.customGrad(forward as unknown as Parameters<typeof tf.customGrad>[0]),
  });
  const y = solve(l.values, source, y0) as tf.Tensor2D;
  return { y, stats: stats as unknown as OdeStats };
}
