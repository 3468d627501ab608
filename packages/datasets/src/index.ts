export type { DatasetStats, NodeDataset, Split } from './node-dataset.js';
