/**
 * The coefficients of an explicit Runge–Kutta method (Hairer, Nørsett & Wanner, "Solving Ordinary
 * Differential Equations I", §II.1): s stages
 * $$ k_i = f\Big(t + c_i h,\ y + h \sum_{j<i} a_{ij} k_j\Big),\qquad y_{n+1} = y_n + h \sum_i b_i k_i $$
 * and, for an embedded pair, the error estimate $$ e = h \sum_i (b_i - \hat b_i) k_i $$ where b̂ are the
 * weights of the lower-order solution.
 */
export interface ButcherTableau {
  /** Order p of the solution y_{n+1} (its global error is O(h^p)). */
  readonly order: number;
  /** Nodes c_i, one per stage. */
  readonly c: readonly number[];
  /** Rows a_i of the strictly lower-triangular matrix: a[i] has i entries a_{i0} … a_{i,i−1}. */
  readonly a: readonly (readonly number[])[];
  /** Weights b_i of the solution. */
  readonly b: readonly number[];
  /** Error weights b_i − b̂_i of an embedded pair; absent for a fixed-step method. */
  readonly bError?: readonly number[];
  /**
   * First same as last: the last stage is evaluated at y_{n+1} (a_s = b), so its k_s is the next step's k_1
   * and an accepted step costs s − 1 evaluations.
   */
  readonly fsal?: boolean;
}

/** Forward Euler, order 1: $$ y_{n+1} = y_n + h f(t_n, y_n) $$ */
export const EULER: ButcherTableau = { order: 1, c: [0], a: [[]], b: [1] };

/**
 * The classical fourth-order Runge–Kutta method (Kutta 1901):
 * $$ k_1 = f(t, y),\ k_2 = f(t + \tfrac h2, y + \tfrac h2 k_1),\ k_3 = f(t + \tfrac h2, y + \tfrac h2 k_2),\
 *    k_4 = f(t + h, y + h k_3),\quad y_{n+1} = y_n + \tfrac h6 (k_1 + 2k_2 + 2k_3 + k_4) $$
 */
export const RK4: ButcherTableau = {
  order: 4,
  c: [0, 1 / 2, 1 / 2, 1],
  a: [[], [1 / 2], [0, 1 / 2], [0, 0, 1]],
  b: [1 / 6, 1 / 3, 1 / 3, 1 / 6],
};

/**
 * Dormand–Prince 5(4) (Dormand & Prince 1980, "A family of embedded Runge-Kutta formulae", J. Comput. Appl.
 * Math. 6(1)): seven stages, FSAL, a fifth-order solution (local extrapolation) and a fourth-order
 * embedded one for the error estimate; the method of MATLAB's `ode45`, SciPy's `RK45` and torchdiffeq's
 * `dopri5`.
 */
export const DOPRI5: ButcherTableau = {
  order: 5,
  c: [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1],
  a: [
    [],
    [1 / 5],
    [3 / 40, 9 / 40],
    [44 / 45, -56 / 15, 32 / 9],
    [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
    [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
    [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
  ],
  b: [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0],
  bError: [
    35 / 384 - 5179 / 57600,
    0,
    500 / 1113 - 7571 / 16695,
    125 / 192 - 393 / 640,
    -2187 / 6784 + 92097 / 339200,
    11 / 84 - 187 / 2100,
    -1 / 40,
  ],
  fsal: true,
};
