// Plain Node ESM in a project outside the repository: a user's own neural ODE y' = −k·y on a tensor y, its
// parameter k a variable of the user's, differentiated by the adjoint method (`odeintAdjoint`) and through the
// solver's tape (`odeint`); both gradients against the closed form d/dk Σ y₀ e^{−kT} = −T Σ y₀ e^{−kT}.
import assert from 'node:assert/strict';
import { odeint, odeintAdjoint, selectBackend, tf } from '@coin-gnn/core';

await selectBackend('cpu');
const y0 = tf.tensor1d([1, 2, 3]);
const k = tf.variable(tf.scalar(0.5));
const T = 1.5;
const field = (_t, y, [kk]) => tf.neg(tf.mul(kk, y));
const options = { method: 'dopri5', rtol: 1e-7, atol: 1e-9 };
const loss = (solve) => () => tf.sum(solve());
const adjoint = tf.variableGrads(
  loss(() => odeintAdjoint(field, y0, T, [k], options).y),
  [k],
);
const tape = tf.variableGrads(
  loss(() => odeint((t, y) => field(t, y, [k]), y0, T, options).y),
  [k],
);
const exact = -T * 6 * Math.exp(-0.5 * T);
const [gAdjoint, gTape] = [adjoint, tape].map((r) => r.grads[k.name].dataSync()[0]);
assert.ok(Math.abs(gAdjoint - exact) < 1e-4 * Math.abs(exact), `adjoint ${gAdjoint} vs ${exact}`);
assert.ok(Math.abs(gTape - exact) < 1e-4 * Math.abs(exact), `tape ${gTape} vs ${exact}`);
// θ that the field does not read is refused, naming it.
const unused = tf.variable(tf.scalar(1));
assert.throws(
  () =>
    tf.variableGrads(
      loss(() => odeintAdjoint(field, y0, T, [k, unused], options).y),
      [k, unused],
    ),
  /params\[1\]/,
);
console.log(
  `own-ode.mjs: own ODE field, adjoint ${gAdjoint.toFixed(6)}, tape ${gTape.toFixed(6)}, exact ${exact.toFixed(6)}`,
);
