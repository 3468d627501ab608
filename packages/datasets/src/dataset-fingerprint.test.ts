import { describe, expect, it } from 'vitest';
import { datasetFingerprint } from './dataset-fingerprint.js';
import { loadDataset } from './load-dataset.js';

describe('datasetFingerprint', () => {
  it('is the same for the same data and differs across protocols, datasets and relabellings', async () => {
    const cora = await loadDataset('cora');
    expect(datasetFingerprint(cora)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(datasetFingerprint(await loadDataset('cora'))).toBe(datasetFingerprint(cora));
    expect(datasetFingerprint(await loadDataset('cora', { protocol: 'public' }))).not.toBe(
      datasetFingerprint(cora),
    );
    expect(datasetFingerprint(await loadDataset('citeseer'))).not.toBe(datasetFingerprint(cora));
    const labels = Int32Array.from(cora.labels.data, (c) => (c + 1) % cora.numClasses);
    expect(datasetFingerprint(cora.with({ labels }))).not.toBe(datasetFingerprint(cora));
  });
});
