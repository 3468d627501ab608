import { DatasetError } from '@coin-gnn/graph';
import type { GraphDataset } from './graph-dataset.js';
import { planetoidDataset } from './planetoid-dataset.js';
import { datasetEntry } from './registry.js';

/** Options of {@link fetchPlanetoid}. */
export interface FetchPlanetoidOptions {
  /** The fetch to use (default `globalThis.fetch`). */
  readonly fetch?: (url: string) => Promise<FetchedFile>;
}

/** What {@link FetchPlanetoidOptions.fetch} resolves to: the part of a `Response` that is read. */
export interface FetchedFile {
  /** Whether the status is 2xx. */
  readonly ok: boolean;
  /** The HTTP status. */
  readonly status: number;
  /** The body's bytes. */
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Loads a Planetoid dataset over HTTP, as in a browser: fetches its eight raw files from
 * `<baseUrl>planetoid/raw/ind.<name>.<part>` (the layout of the package's `data/` folder, so a static server
 * of that folder serves them as they ship) and reads them as {@link loadPlanetoid} does. The digests are not
 * checked (the server is the caller's); use `loadPlanetoid` in Node.
 *
 * @param name - `cora`, `citeseer` or `pubmed` (case-insensitive)
 * @param baseUrl - address of the data folder, ending in `/` (e.g. `http://127.0.0.1:8080/data/`)
 * @throws {@link InvalidArgumentError} for an unknown name
 * @throws {@link DatasetError} naming the address of a file the server does not return, or a corrupted file
 * @example const cora = await fetchPlanetoid('cora', new URL('data/', location.href).href);
 */
export async function fetchPlanetoid(
  name: string,
  baseUrl: string,
  options: FetchPlanetoidOptions = {},
): Promise<GraphDataset> {
  const entry = datasetEntry('planetoid', name, 'fetchPlanetoid');
  const fetchFile = options.fetch ?? globalThis.fetch;
  const bytes = await Promise.all(
    entry.files.map(async ({ path }) => {
      const url = new URL(path, baseUrl).href;
      const response = await fetchFile(url);
      if (!response.ok) throw new DatasetError(`fetchPlanetoid: ${url} answered HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    }),
  );
  return planetoidDataset(entry.name, bytes);
}
