// Plain Node ESM in a project outside the repository that installed the packed tarballs: loads Cora from the
// data files shipped in @coin-gnn/datasets, trains COIN for two epochs, and runs the compiled WebAssembly
// kernel that @coin-gnn/core finds in its own dist/wasm.
import assert from 'node:assert/strict';
import { createModel, GraphTensors, selectBackend, simdDenseMatMul, train } from '@coin-gnn/core';
import { loadDataset, protocolSplits } from '@coin-gnn/datasets';

await selectBackend('cpu');
const cora = await loadDataset('cora');
assert.equal(cora.numNodes, 2485); // gnn-benchmark Cora, largest connected component
const [split] = protocolSplits(cora, { protocol: 'coin', runs: 1, seed: 42 });
const graph = new GraphTensors(cora);
const model = createModel('coin', { numFeatures: cora.numFeatures, numClasses: cora.numClasses, seed: 0 });
const result = train(model, { graph, labels: cora.labels.data, split }, { epochs: 2 });
assert.equal(result.epochs, 2);
assert.ok(result.testAcc >= 0 && result.testAcc <= 1, `test accuracy ${result.testAcc}`);

// [1 2; 3 4] · [1; 1] = [3; 7], through dist/wasm/kernels.wasm
const c = simdDenseMatMul(new Float32Array([1, 2, 3, 4]), 2, 2, new Float32Array([1, 1]), 1, false);
assert.deepEqual([...c], [3, 7]);
console.log(
  `train-cora.mjs: Cora ${cora.numNodes} nodes, COIN ${result.epochs} epochs, test accuracy ` +
    `${result.testAcc.toFixed(3)}; wasm kernel [3, 7]`,
);
