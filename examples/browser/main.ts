/**
 * COIN on Cora in the browser: loads Cora from this page's server, trains COIN on the GPU (WebGPU, or WebGL
 * where WebGPU is missing) with accuracy per epoch, then shows the K diffusion steps of the trained model's
 * class probabilities over the graph, u⁽ᵏ⁺¹⁾ = u⁽ᵏ⁾ − σ² L u⁽ᵏ⁾, and the test accuracy after each step.
 * Query parameters: `backend` (webgpu | webgl, default webgpu), `epochs` (default 100).
 * `window.coinExample` reports the state (for the Playwright test).
 */
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import {
  accuracy,
  type Coin,
  createModel,
  type EpochInfo,
  GraphDiffusion,
  GraphTensors,
  Trainer,
  tf,
} from '@coin-gnn/core/browser';
import { coinProtocol, fetchPlanetoid, type GraphDataset, protocolSplits } from '@coin-gnn/datasets/browser';
import { Rng } from '@coin-gnn/graph';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { drawChart, drawGraph, type GraphPicture, PALETTE } from './draw.js';

/** The CommonJS module itself (a bundler's default import of it is `module.exports`; its types call that `default`). */
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

/** What the page reports on `window.coinExample`. */
interface ExampleState {
  status: 'loading' | 'training' | 'done' | 'error';
  backend?: string;
  epochs: EpochInfo[];
  /** Test accuracy of the trained model (after all K steps). */
  testAcc?: number;
  /** Test accuracy after each diffusion step k = 0 … K. */
  stepAcc?: number[];
  error?: string;
}

declare global {
  interface Window {
    coinExample: ExampleState;
  }
}

const state: ExampleState = { status: 'loading', epochs: [] };
window.coinExample = state;
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = (text: string) => {
  element('status').textContent = text;
};

/** Picks the requested GPU backend, else WebGL; the name of the one that runs. */
async function selectGpuBackend(requested: string): Promise<string> {
  for (const name of [requested, 'webgl']) {
    if (await tf.setBackend(name).catch(() => false)) {
      await tf.ready();
      return tf.getBackend();
    }
  }
  throw new Error('neither WebGPU nor WebGL initialises in this browser');
}

/** ForceAtlas2 positions of the graph (seeded start), scaled into the canvas. */
function layout(dataset: GraphDataset, train: Int32Array, size: number): GraphPicture {
  const graph = dataset.toGraphology();
  const rng = new Rng(7);
  graph.forEachNode((node) => graph.mergeNodeAttributes(node, { x: rng.uniform(), y: rng.uniform() }));
  forceAtlas2.assign(graph, { iterations: 150, settings: forceAtlas2.inferSettings(graph) });
  const n = dataset.numNodes;
  const [x, y] = [new Float32Array(n), new Float32Array(n)];
  graph.forEachNode((node, attributes) => {
    x[Number(node)] = attributes.x;
    y[Number(node)] = attributes.y;
  });
  const scale = (v: Float32Array) => {
    const [lo, hi] = [Math.min(...v), Math.max(...v)];
    return v.map((value) => 8 + ((value - lo) / (hi - lo || 1)) * (size - 16));
  };
  const { indptr, indices } = dataset.adjacency;
  const edges: number[] = [];
  for (let i = 0; i < n; i++)
    for (let p = indptr[i]; p < indptr[i + 1]; p++) if (i < indices[p]) edges.push(i, indices[p]);
  const ringed = new Uint8Array(n);
  for (const i of train) ringed[i] = 1;
  return { x: scale(x), y: scale(y), edges: Int32Array.from(edges), ringed };
}

/** The class probabilities u⁽⁰⁾ … u⁽ᴷ⁾ of the trained COIN: the classifier's softmax, then K explicit steps. */
async function diffusionFrames(model: Coin, graph: GraphTensors): Promise<Float32Array[]> {
  const { sigma2, numSteps } = model.diffusion.config;
  const step = new GraphDiffusion({ sigma2, numSteps: 1 });
  let u = tf.tidy(() => tf.softmax(model.classifier.forward(model.block.forward(graph.features()))));
  const frames = [(await u.data()) as Float32Array];
  for (let k = 0; k < numSteps; k++) {
    const next = step.forward(u, graph);
    u.dispose();
    u = next;
    frames.push((await u.data()) as Float32Array);
  }
  u.dispose();
  return frames;
}

/** Test accuracy of the arg-max class of a frame's test rows. */
function frameAccuracy(
  frame: Float32Array,
  numClasses: number,
  labels: Int32Array,
  test: Int32Array,
): number {
  const predicted = test.map((i) => {
    let best = 0;
    for (let c = 1; c < numClasses; c++)
      if (frame[i * numClasses + c] > frame[i * numClasses + best]) best = c;
    return best;
  });
  return accuracy(predicted, labels, test);
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const epochs = Number(params.get('epochs') ?? 100);
  state.backend = await selectGpuBackend(params.get('backend') ?? 'webgpu');
  status(`backend ${state.backend}: loading Cora…`);
  const dataset = coinProtocol(await fetchPlanetoid('cora', new URL('data/', location.href).href));
  const [split] = protocolSplits(dataset, { protocol: 'coin', runs: 1, seed: 42 });
  const labels = dataset.labels.data;
  const { numClasses } = dataset;
  element('legend').innerHTML = PALETTE.slice(0, numClasses)
    .map(([r, g, b], c) => `<span><i style="background: rgb(${r}, ${g}, ${b})"></i>class ${c}</span>`)
    .join('');
  status(`backend ${state.backend}: laying out the graph (${dataset.numNodes} nodes)…`);
  await new Promise((done) => setTimeout(done, 0));
  const picture = layout(dataset, split.train, element<HTMLCanvasElement>('graph').width);

  const graph = new GraphTensors(dataset);
  const model = createModel('coin', { numFeatures: dataset.numFeatures, numClasses, seed: 42 }) as Coin;
  const trainer = new Trainer(model, { graph, labels, split }, { seed: 43 });
  state.status = 'training';
  const chart = element<HTMLCanvasElement>('chart');
  for (let epoch = 1; epoch <= epochs; epoch++) {
    state.epochs.push(trainer.epoch());
    const valAcc = state.epochs.map((e) => e.valAcc);
    drawChart(chart, [{ label: 'validation accuracy', values: valAcc, color: '#4e79a7' }], 'epoch');
    status(
      `backend ${state.backend}: epoch ${epoch}/${epochs}, validation accuracy ${valAcc.at(-1)!.toFixed(3)}`,
    );
    await new Promise((done) => setTimeout(done, 0));
  }
  state.testAcc = trainer.test().testAcc;
  const frames = await diffusionFrames(model, graph);
  state.stepAcc = frames.map((frame) => frameAccuracy(frame, numClasses, labels, split.test));
  trainer.dispose();
  model.dispose();
  graph.dispose();

  const { sigma2 } = model.diffusion.config;
  const slider = element<HTMLInputElement>('step');
  const show = (k: number) => {
    slider.value = String(k);
    drawGraph(element('graph'), picture, frames[k], numClasses);
    drawChart(
      element('stepChart'),
      [{ label: 'test accuracy at step k', values: state.stepAcc!, color: '#e15759' }],
      'step k',
      0,
      k,
    );
    element('stepLabel').textContent =
      `step k = ${k}/${frames.length - 1} (t = ${(k * sigma2).toFixed(2)}), test accuracy ${state.stepAcc![k].toFixed(3)}`;
  };
  slider.max = String(frames.length - 1);
  slider.disabled = false;
  slider.oninput = () => show(Number(slider.value));
  const play = element<HTMLButtonElement>('play');
  play.disabled = false;
  play.onclick = () => {
    let k = 0;
    const timer = setInterval(() => {
      show(k);
      if (++k >= frames.length) clearInterval(timer);
    }, 250);
  };
  show(frames.length - 1);
  element('summary').textContent =
    `COIN (K = ${frames.length - 1}, σ² = ${sigma2}) trained ${epochs} epochs on ${state.backend}: ` +
    `test accuracy ${state.testAcc.toFixed(3)} (${split.test.length} test nodes; ringed nodes are the ` +
    `${split.train.length} training nodes). A node's colour is its most probable class, paler when less certain.`;
  status(`backend ${state.backend}: done`);
  state.status = 'done';
}

main().catch((error: unknown) => {
  state.status = 'error';
  state.error = String(error instanceof Error ? (error.stack ?? error.message) : error);
  status(`error: ${state.error}`);
});
