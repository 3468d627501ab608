/**
 * The row softmax and its Jacobian-vector product on typed arrays, rounded to float32 at each step as tfjs's
 * cpu `Softmax` kernel and gradient round (so that the fused kernels give the same numbers as `tf.softmax`).
 */

/**
 * Softmax of each row of a row-major Z with `cols` columns:
 * $$ P_{ik} = \frac{e^{Z_{ik} - m_i}}{\sum_{k'} e^{Z_{ik'} - m_i}},\qquad m_i = \max_k Z_{ik} $$
 * (Z − m, each exponential and the quotient rounded to float32, the sum of a row taken in float64 and
 * rounded once, as tfjs's `max`, `sub`, `exp`, `sum` and `div` on cpu; a NaN in a row is its max).
 * @param out - receives P (may be `z` itself)
 * @returns `out`
 */
export function softmaxRows(z: Float32Array, cols: number, out: Float32Array): Float32Array {
  for (let r = 0; r < z.length; r += cols) {
    let max = z[r];
    for (let k = 1; k < cols; k++) {
      const v = z[r + k];
      if (Number.isNaN(v) || v > max) max = v;
    }
    let sum = 0;
    for (let k = 0; k < cols; k++) {
      out[r + k] = Math.exp(Math.fround(z[r + k] - max));
      sum += out[r + k];
    }
    const s = Math.fround(sum);
    for (let k = 0; k < cols; k++) out[r + k] /= s;
  }
  return out;
}

/**
 * The softmax's gradient to its input from its output P and the output's gradient dP, row by row:
 * $$ dZ_{ik} = P_{ik}\, dP_{ik} - P_{ik} \sum_{k'} P_{ik'}\, dP_{ik'} $$
 * each product and difference rounded to float32 and each row sum taken in float64 and rounded once, as
 * tfjs's softmax gradient (`mul`, `sum`, `mul`, `sub`) rounds them on cpu.
 * @param out - receives dZ (may be `dp` itself)
 * @returns `out`
 */
export function softmaxRowsGrad(
  p: Float32Array,
  dp: Float32Array,
  cols: number,
  out: Float32Array,
): Float32Array {
  for (let r = 0; r < p.length; r += cols) {
    let sum = 0;
    for (let k = 0; k < cols; k++) {
      out[r + k] = dp[r + k] * p[r + k];
      sum += out[r + k];
    }
    const s = Math.fround(sum);
    for (let k = 0; k < cols; k++) out[r + k] -= Math.fround(s * p[r + k]);
  }
  return out;
}
