import { readFile } from 'node:fs/promises';
import { DatasetError, InvalidArgumentError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { fetchPlanetoid } from './fetch-planetoid.js';
import { loadPlanetoid } from './planetoid.js';

const DATA = new URL('../data/', import.meta.url);

/** A fetch that serves the package's data folder under http://127.0.0.1/data/ and records the addresses. */
function fileFetch(requested: string[]) {
  return async (url: string) => {
    requested.push(url);
    const path = url.replace('http://127.0.0.1/data/', '');
    try {
      const bytes = await readFile(new URL(path, DATA));
      return {
        ok: true,
        status: 200,
        arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      };
    } catch {
      return { ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) };
    }
  };
}

describe('fetchPlanetoid', () => {
  it('reads the files the server returns into the dataset loadPlanetoid reads from disk', async () => {
    const requested: string[] = [];
    const fetched = await fetchPlanetoid('Cora', 'http://127.0.0.1/data/', { fetch: fileFetch(requested) });
    const loaded = await loadPlanetoid('cora');
    expect(requested).toContain('http://127.0.0.1/data/planetoid/raw/ind.cora.test.index');
    expect(requested).toHaveLength(8);
    expect(fetched.numNodes).toBe(2708);
    expect(fetched.labels.data).toEqual(loaded.labels.data);
    expect(fetched.features.values).toEqual(loaded.features.values);
    expect(fetched.publicSplit?.test).toEqual(loaded.publicSplit?.test);
  });

  it('names the address of a file the server does not return', async () => {
    const missing = async () => ({ ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) });
    await expect(fetchPlanetoid('cora', 'http://127.0.0.1/x/', { fetch: missing })).rejects.toThrow(
      new DatasetError('fetchPlanetoid: http://127.0.0.1/x/planetoid/raw/ind.cora.x answered HTTP 404'),
    );
  });

  it('refuses an unknown name', async () => {
    await expect(fetchPlanetoid('corra', 'http://127.0.0.1/')).rejects.toThrow(InvalidArgumentError);
  });
});
