import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetError } from '@coin-gnn/graph';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../io/sha256.js';
import { downloadFile } from './download-file.js';

const body = new Uint8Array(Buffer.from('0123456789'.repeat(1000)));
const digest = sha256(body);
let server: Server;
let base: string;
let dir: string;

beforeAll(async () => {
  // /ok: the body; /cut: announces the full length, sends half, then drops the connection; else 404.
  server = createServer((req, res) => {
    if (req.url === '/ok') {
      res.writeHead(200, { 'content-length': body.length }).end(body);
    } else if (req.url === '/cut') {
      res.writeHead(200, { 'content-length': body.length });
      res.write(body.subarray(0, body.length / 2), () => res.destroy());
    } else {
      res.writeHead(404, 'Not Found').end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coin-download-'));
  return () => rm(dir, { recursive: true, force: true });
});

describe('downloadFile', () => {
  it('downloads, checks the digest and writes the file atomically', async () => {
    const path = join(dir, 'sub', 'file.bin');
    const bytes = await downloadFile(`${base}/ok`, path, { sha256: digest });
    expect(bytes).toEqual(body);
    expect(new Uint8Array(await readFile(path))).toEqual(body);
    expect(await readdir(join(dir, 'sub'))).toEqual(['file.bin']); // no temporary file left
  });

  it.each([
    ['a 404', '/missing', {}, /HTTP 404 Not Found/],
    ['a wrong checksum', '/ok', { sha256: '0'.repeat(64) }, /sha256 mismatch/],
    ['a truncated body', '/cut', {}, /cannot download|truncated/],
  ])('fails with DatasetError on %s and leaves the cache untouched', async (_, route, options, message) => {
    const path = join(dir, 'file.bin');
    await writeFile(path, 'old');
    const result = downloadFile(`${base}${route}`, path, options);
    await expect(result).rejects.toThrow(DatasetError);
    await expect(result).rejects.toThrow(message);
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['file.bin']);
  });

  it('fails with DatasetError when the host refuses the connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = downloadFile(`http://127.0.0.1:${port}/ok`, join(dir, 'file.bin'));
    await expect(result).rejects.toThrow(DatasetError);
    await expect(result).rejects.toThrow(/cannot download .*ECONNREFUSED|cannot download .*fetch failed/);
    expect(await readdir(dir)).toEqual([]);
  });
});
