/**
 * AssemblyScript source of Adam's update (see `../adam.ts`), compiled with the other kernels of this folder
 * into `dist/wasm/kernels.wasm`. Pointers and sizes are byte offsets into the module's imported memory.
 */

/**
 * Adam's update of the 4 entries at byte offset `at` of θ, g, m and v, the hyperparameters splatted
 * (formula and order of operations: {@link adam}).
 */
function update4(
  theta: usize,
  g: usize,
  m: usize,
  v: usize,
  at: usize,
  b1: v128,
  c1: v128,
  b2: v128,
  c2: v128,
  wd: v128,
  s: v128,
  c: v128,
  e: v128,
): void {
  const th = v128.load(theta + at);
  const gr = f32x4.add(v128.load(g + at), f32x4.mul(wd, th));
  const mNew = f32x4.add(f32x4.mul(b1, v128.load(m + at)), f32x4.mul(c1, gr));
  const vNew = f32x4.add(f32x4.mul(b2, v128.load(v + at)), f32x4.mul(c2, f32x4.mul(gr, gr)));
  v128.store(m + at, mNew);
  v128.store(v + at, vNew);
  const denom = f32x4.add(f32x4.div(f32x4.sqrt(vNew), c), e);
  v128.store(theta + at, f32x4.sub(th, f32x4.mul(s, f32x4.div(mNew, denom))));
}

/**
 * One Adam update of `bytes / 4` entries (a multiple of 8: θ, g, m and v are walked 32 bytes, two f32x4, at
 * a time), in float32, in this order of operations (PyTorch's `torch.optim.Adam`, L2 weight decay λ in the
 * gradient):
 * $$ g \leftarrow g + \lambda\theta,\quad m \leftarrow \beta_1 m + (1-\beta_1) g,\quad
 *    v \leftarrow \beta_2 v + (1-\beta_2)\,(g g),\quad
 *    \theta \leftarrow \theta - s\,\Big(m \big/ \big(\sqrt v / c + \varepsilon\big)\Big) $$
 * m and v are updated in place, θ is overwritten; g is read only. s = η / (1 − β₁ᵗ), c = √(1 − β₂ᵗ).
 */
export function adam(
  theta: usize,
  g: usize,
  m: usize,
  v: usize,
  bytes: usize,
  beta1: f32,
  oneMinusBeta1: f32,
  beta2: f32,
  oneMinusBeta2: f32,
  weightDecay: f32,
  stepSize: f32,
  sqrtBias2: f32,
  eps: f32,
): void {
  const b1 = f32x4.splat(beta1);
  const c1 = f32x4.splat(oneMinusBeta1);
  const b2 = f32x4.splat(beta2);
  const c2 = f32x4.splat(oneMinusBeta2);
  const wd = f32x4.splat(weightDecay);
  const s = f32x4.splat(stepSize);
  const c = f32x4.splat(sqrtBias2);
  const e = f32x4.splat(eps);
  for (let at: usize = 0; at < bytes; at += 32) {
    update4(theta, g, m, v, at, b1, c1, b2, c2, wd, s, c, e);
    update4(theta, g, m, v, at + 16, b1, c1, b2, c2, wd, s, c, e);
  }
}
