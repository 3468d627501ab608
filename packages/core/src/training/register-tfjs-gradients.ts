/**
 * Side effect: registers the tfjs-core gradients of the built-in ops that coin-gnn's layers, losses and
 * optimiser differentiate through (imported by `index.ts`).
 *
 * tfjs-core 4.x ships these gradient configs but does not register them (the `@tensorflow/tfjs` union
 * package does, at the cost of loading tfjs-layers, -converter, -data and -backend-webgl: about +100 MB RSS
 * and 1.4 s of start-up here). Its own `dist/register_all_gradients.js` cannot be imported under Node + tsx
 * (`Prod_grad.js` reaches an ambiguous `../gradients` directory import), so the configs are registered one by
 * one; add a line here when a model uses a new op.
 */
import { registerGradient } from '@tensorflow/tfjs-core';
import { addGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Add_grad.js';
import { addNGradConfig } from '@tensorflow/tfjs-core/dist/gradients/AddN_grad.js';
import { batchMatMulGradConfig } from '@tensorflow/tfjs-core/dist/gradients/BatchMatMul_grad.js';
import { castGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Cast_grad.js';
import { expGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Exp_grad.js';
import { identityGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Identity_grad.js';
import { logGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Log_grad.js';
import { logSoftmaxGradConfig } from '@tensorflow/tfjs-core/dist/gradients/LogSoftmax_grad.js';
import { maxGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Max_grad.js';
import { maximumGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Maximum_grad.js';
import { meanGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Mean_grad.js';
import { multiplyGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Multiply_grad.js';
import { negGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Neg_grad.js';
import { divGradConfig } from '@tensorflow/tfjs-core/dist/gradients/RealDiv_grad.js';
import { reluGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Relu_grad.js';
import { reshapeGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Reshape_grad.js';
import { softmaxGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Softmax_grad.js';
import { sqrtGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Sqrt_grad.js';
import { squareGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Square_grad.js';
import { subGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Sub_grad.js';
import { sumGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Sum_grad.js';
import { tanhGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Tanh_grad.js';

for (const config of [
  addGradConfig,
  addNGradConfig,
  batchMatMulGradConfig,
  castGradConfig,
  divGradConfig,
  expGradConfig,
  identityGradConfig,
  logGradConfig,
  logSoftmaxGradConfig,
  maxGradConfig,
  maximumGradConfig,
  meanGradConfig,
  multiplyGradConfig,
  negGradConfig,
  reluGradConfig,
  reshapeGradConfig,
  softmaxGradConfig,
  sqrtGradConfig,
  squareGradConfig,
  subGradConfig,
  sumGradConfig,
  tanhGradConfig,
]) {
  registerGradient(config);
}
