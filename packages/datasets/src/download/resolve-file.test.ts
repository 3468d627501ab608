import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetError } from '@coin-gnn/graph';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadGnnBenchmark } from '../gnn-benchmark.js';
import { sha256 } from '../io/sha256.js';
import { loadPlanetoid } from '../planetoid.js';
import { resolveFile } from './resolve-file.js';

const shipped = new URL('../../data/', import.meta.url);
let server: Server;
let base: string;
let dir: string;
const requests: string[] = [];

beforeAll(async () => {
  // Serves the package's shipped files by base name (planetoid/raw/* and gnn-benchmark/*), and cora.npz
  // under the name of the Amazon Photo file, pinned by another git blob id.
  server = createServer(async (req, res) => {
    requests.push(req.url ?? '');
    const name = (req.url ?? '').slice(1);
    const path = name.startsWith('ind.')
      ? `planetoid/raw/${name}`
      : `gnn-benchmark/${name === 'amazon_electronics_photo.npz' ? 'cora.npz' : name}`;
    const data = await readFile(new URL(path, shipped)).catch(() => undefined);
    if (data) res.writeHead(200).end(data);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coin-cache-'));
  requests.length = 0;
  return () => rm(dir, { recursive: true, force: true });
});

describe('resolveFile (through the loaders)', () => {
  it('downloads Planetoid Cora into the cache, verified, then loads it from the cache alone', async () => {
    const options = { useShipped: false, baseUrl: base, dataDir: dir };
    const cora = await loadPlanetoid('cora', options);
    expect(cora.numNodes).toBe(2708);
    expect(requests).toHaveLength(8);
    const cached = await readFile(join(dir, 'planetoid/raw/ind.cora.graph'));
    expect(sha256(cached)).toBe('58f13302f39dde8852dad6fe6d15b89b077b6d7f837626bce671ef80344b383d');
    const again = await loadPlanetoid('cora', { ...options, baseUrl: 'http://127.0.0.1:9/unreachable' });
    expect(again.adjacency.nnz).toBe(10556);
    expect(requests).toHaveLength(8);
  });

  it('uses the shipped copy without any request by default', async () => {
    await loadGnnBenchmark('citeseer', { baseUrl: base, dataDir: dir });
    expect(requests).toHaveLength(0);
  });

  it('fails with DatasetError when a pinned file is missing from the server (404), caching nothing', async () => {
    const result = loadPlanetoid('pubmed', { baseUrl: base, dataDir: dir });
    await expect(result).rejects.toThrow(DatasetError);
    await expect(result).rejects.toThrow(/HTTP 404/);
    await expect(readFile(join(dir, 'planetoid/raw/ind.pubmed.x'))).rejects.toThrow(/ENOENT/);
  });

  it('rejects a cached file whose digest differs from the pinned one', async () => {
    const options = { useShipped: false, baseUrl: base, dataDir: dir };
    await loadGnnBenchmark('cora', options);
    await writeFile(join(dir, 'gnn-benchmark/cora.npz'), 'tampered');
    await expect(loadGnnBenchmark('cora', options)).rejects.toThrow(
      /gnn-benchmark\/cora\.npz: sha256 mismatch, expected 068e22d9\w+, got \w+; the file is damaged/,
    );
  });

  it('downloads a file pinned by git blob id, verified, then checks the cached copy against it', async () => {
    // The blob id of cora.npz in shchur/gnn-benchmark (git ls-tree 1e72912 data/npz).
    const file = {
      path: 'gnn-benchmark/cora.npz',
      url: 'http://127.0.0.1:9/unreachable',
      digest: { gitBlobSha1: 'b08fd856430b2b7787aa646a33ad51132b4f6f80' },
    };
    const options = { useShipped: false, baseUrl: base, dataDir: dir };
    const bytes = await resolveFile(file, options);
    expect(sha256(bytes)).toBe('068e22d90c3849b4057dfb05851741428992af058efcd4e7ebb4186f3d581de2');
    expect(requests).toEqual(['/cora.npz']);
    const cached = join(dir, file.path);
    const tampered = await readFile(cached);
    tampered[tampered.length - 1] ^= 1;
    await writeFile(cached, tampered);
    await expect(resolveFile(file, options)).rejects.toThrow(
      /cora\.npz: git blob sha1 mismatch, expected b08fd856\w+, got \w+; the file is damaged/,
    );
    expect(requests).toHaveLength(1);
  });

  it('rejects a download whose git blob id differs from the pinned one, caching nothing', async () => {
    const result = loadGnnBenchmark('amazon-photo', { baseUrl: base, dataDir: dir });
    await expect(result).rejects.toThrow(DatasetError);
    await expect(result).rejects.toThrow(
      'amazon_electronics_photo.npz: git blob sha1 mismatch, expected 97323743cb56aca9dd611f5b4b46862c1c9c6bd9, ' +
        'got b08fd856430b2b7787aa646a33ad51132b4f6f80 (540580 bytes); the file was not saved',
    );
    await expect(readFile(join(dir, 'gnn-benchmark/amazon_electronics_photo.npz'))).rejects.toThrow(/ENOENT/);
  });
});
