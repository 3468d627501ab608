import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetError, InvalidArgumentError } from '@coin-gnn/graph';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveFile } from './download/resolve-file.js';
import { gitBlobSha1 } from './io/git-blob-sha1.js';
import { sha256 } from './io/sha256.js';
import { datasetEntry, GNN_BENCHMARK_NAMES, PLANETOID_NAMES, PLANETOID_PARTS } from './registry.js';

const shipped = new URL('../data/', import.meta.url);

describe('datasetEntry', () => {
  it('points every file at its canonical raw GitHub address', () => {
    for (const name of PLANETOID_NAMES) {
      const { files } = datasetEntry('planetoid', name, 'test');
      expect(files.map((f) => f.url)).toEqual(
        PLANETOID_PARTS.map((p) => `https://github.com/kimiyoung/planetoid/raw/master/data/ind.${name}.${p}`),
      );
    }
    const npz = Object.fromEntries(
      GNN_BENCHMARK_NAMES.map((name) => [name, datasetEntry('gnn-benchmark', name, 'test').files[0]?.url]),
    );
    const raw = 'https://github.com/shchur/gnn-benchmark/raw/master/data/npz';
    expect(npz).toEqual({
      cora: `${raw}/cora.npz`,
      citeseer: `${raw}/citeseer.npz`,
      pubmed: `${raw}/pubmed.npz`,
      'cora-full': `${raw}/cora_full.npz`,
      'amazon-computers': `${raw}/amazon_electronics_computers.npz`,
      'amazon-photo': `${raw}/amazon_electronics_photo.npz`,
      'coauthor-cs': `${raw}/ms_academic_cs.npz`,
      'coauthor-physics': `${raw}/ms_academic_phy.npz`,
    });
  });

  it('pins every file, by sha256 or, where only that is known, by git blob id', () => {
    const files = [
      ...PLANETOID_NAMES.flatMap((n) => datasetEntry('planetoid', n, 'test').files),
      ...GNN_BENCHMARK_NAMES.flatMap((n) => datasetEntry('gnn-benchmark', n, 'test').files),
    ];
    expect(files).toHaveLength(3 * 8 + 8);
    for (const { path, digest } of files) {
      expect(Object.keys(digest), path).toHaveLength(1);
      if ('sha256' in digest) expect(digest.sha256, path).toMatch(/^[0-9a-f]{64}$/);
      else expect(digest.gitBlobSha1, path).toMatch(/^[0-9a-f]{40}$/);
    }
    const byBlob = Object.fromEntries(
      files.flatMap(({ path, digest }) => ('gitBlobSha1' in digest ? [[path, digest.gitBlobSha1]] : [])),
    );
    // git ls-tree of kimiyoung/planetoid af6abf4 and shchur/gnn-benchmark 1e72912
    expect(byBlob).toEqual({
      'planetoid/raw/ind.pubmed.allx': '3b86bccf08111c37c632a9dd8ab63db25ea76361',
      'gnn-benchmark/pubmed.npz': '25d0b1bebcb08296348572ca0cebe322fdd085b0',
      'gnn-benchmark/cora_full.npz': '2478a176d63fe71090f4c21fe588bf5d381cad80',
      'gnn-benchmark/amazon_electronics_computers.npz': '8120e4148a330b3fafe37c4476823302d9d834b9',
      'gnn-benchmark/amazon_electronics_photo.npz': '97323743cb56aca9dd611f5b4b46862c1c9c6bd9',
      'gnn-benchmark/ms_academic_cs.npz': '9bdd7da943d86b74297e8d32e99eb64245b52835',
      'gnn-benchmark/ms_academic_phy.npz': '8d8bc12e29aa67f6753a712080eae81079bd7d01',
    });
    const pubmedX = datasetEntry('planetoid', 'PubMed', 'test').files[0];
    expect(pubmedX?.digest).toEqual({
      sha256: 'fbe9cb5c47200d1b7769a26e579be3b7130b556831f9d850e77c4c74f2599b33',
    });
  });

  it('pins the digests of the shipped files', async () => {
    const entries = ['cora', 'citeseer'].flatMap((n) => [
      datasetEntry('planetoid', n, 'test'),
      datasetEntry('gnn-benchmark', n, 'test'),
    ]);
    for (const entry of entries) {
      expect(entry.shipped).toBe(true);
      for (const file of entry.files) {
        expect(file.digest).toEqual({ sha256: sha256(await readFile(new URL(file.path, shipped))) });
      }
    }
  });

  it('accepts other spellings and names the bad one otherwise', () => {
    expect(datasetEntry('gnn-benchmark', 'Amazon_Computers', 'test').name).toBe('amazon-computers');
    expect(datasetEntry('gnn-benchmark', 'physics', 'test').name).toBe('coauthor-physics');
    expect(() => datasetEntry('planetoid', 'photo', 'loadPlanetoid')).toThrow(InvalidArgumentError);
    expect(() => datasetEntry('planetoid', 'photo', 'loadPlanetoid')).toThrow(/loadPlanetoid.*photo/);
  });
});

describe('pinned digests on download (local server)', () => {
  const body = new TextEncoder().encode('not the published file');
  let server: Server;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(200).end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coin-registry-'));
    return () => rm(dir, { recursive: true, force: true });
  });

  const pubmed = (part: string) => {
    const file = datasetEntry('planetoid', 'pubmed', 'test').files.find((f) => f.path.endsWith(part));
    if (!file) throw new Error(part);
    return file;
  };

  it('rejects a download that differs from the pinned sha256 and caches nothing', async () => {
    const result = resolveFile(pubmed('.x'), { baseUrl: base, dataDir: dir });
    await expect(result).rejects.toThrow(DatasetError);
    await expect(result).rejects.toThrow(/sha256 mismatch, expected fbe9cb5c/);
    await expect(readFile(join(dir, 'planetoid/raw/ind.pubmed.x'))).rejects.toThrow(/ENOENT/);
  });

  it('rejects a download of PubMed allx that differs from its git blob id and caches nothing', async () => {
    const result = resolveFile(pubmed('.allx'), { baseUrl: base, dataDir: dir });
    await expect(result).rejects.toThrow(DatasetError);
    await expect(result).rejects.toThrow(
      `ind.pubmed.allx: git blob sha1 mismatch, expected 3b86bccf08111c37c632a9dd8ab63db25ea76361, ` +
        `got ${gitBlobSha1(body)}`,
    );
    await expect(readFile(join(dir, 'planetoid/raw/ind.pubmed.allx'))).rejects.toThrow(/ENOENT/);
  });

  it('rejects a cached file that differs from the pinned digest', async () => {
    const file = pubmed('.graph');
    await mkdir(join(dir, 'planetoid/raw'), { recursive: true });
    await writeFile(join(dir, file.path), body);
    await expect(resolveFile(file, { dataDir: dir })).rejects.toThrow(/expected 5b89f003/);
  });
});
