import { GraphDataset } from './graph-dataset.js';
import { readPlanetoid } from './io/read-planetoid.js';
import { PLANETOID_PARTS, type PlanetoidPart } from './registry.js';

/**
 * The {@link GraphDataset} of a Planetoid dataset's eight files, however they were obtained (disk, cache,
 * HTTP): {@link readPlanetoid} over the bytes matched to their parts.
 * @param name - the canonical dataset name (`cora`)
 * @param bytes - the files' bytes in the order of `PLANETOID_PARTS` (x, y, tx, ty, allx, ally, graph, test.index)
 */
export function planetoidDataset(name: string, bytes: readonly Uint8Array[]): GraphDataset {
  const files = Object.fromEntries(PLANETOID_PARTS.map((part, i) => [part, bytes[i]])) as Record<
    PlanetoidPart,
    Uint8Array
  >;
  return new GraphDataset(readPlanetoid(name, files));
}
