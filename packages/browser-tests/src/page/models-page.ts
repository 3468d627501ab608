/**
 * The page of the model tests: `window.coinModelRuns(backend)` selects the tfjs backend, fetches Cora from
 * this page's server (`/data/`) and returns the numbers of every {@link MODEL_RUN_SPECS} run.
 */
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { tf } from '@coin-gnn/core/browser';
import { fetchPlanetoid } from '@coin-gnn/datasets/browser';
import {
  coinCora,
  MODEL_RUN_FEATURES,
  MODEL_RUN_SPECS,
  type ModelRunNumbers,
  runModel,
} from '../model-runs.js';

declare global {
  interface Window {
    coinModelRuns(backend: string): Promise<{ backend: string; runs: ModelRunNumbers[] }>;
  }
}

window.coinModelRuns = async (backend) => {
  if (!(await tf.setBackend(backend))) throw new Error(`the ${backend} backend does not initialise here`);
  await tf.ready();
  const { dataset, split } = coinCora(
    await fetchPlanetoid('cora', new URL('/data/', location.href).href),
    MODEL_RUN_FEATURES,
  );
  return { backend: tf.getBackend(), runs: MODEL_RUN_SPECS.map((spec) => runModel(dataset, split, spec)) };
};
