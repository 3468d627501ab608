import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetError } from '@coin-gnn/graph';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadFile } from './download-file.js';

const body = new Uint8Array(Buffer.from('0123456789'.repeat(1000)));
// printf '0123456789%.0s' {1..1000} | sha256sum ; … | git hash-object --stdin
const sha256 = '4c207598af7a20db0e3334dd044399a40e467cb81b37f7ba05a4f76dcbd8fd59';
const gitBlobSha1 = 'ee7d9682800b0ffb1b201c6f8fa5630472cc7d63';
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
  it.each([
    ['sha256', { sha256 }],
    ['git blob id', { gitBlobSha1 }],
  ])('downloads, checks the %s and writes the file atomically', async (_, digest) => {
    const path = join(dir, 'sub', 'file.bin');
    const bytes = await downloadFile(`${base}/ok`, path, { digest });
    expect(bytes).toEqual(body);
    expect(new Uint8Array(await readFile(path))).toEqual(body);
    expect(await readdir(join(dir, 'sub'))).toEqual(['file.bin']); // no temporary file left
  });

  const wrongSha256 = 'f'.repeat(64);
  const wrongBlob = 'f'.repeat(40);
  it.each([
    ['a 404', '/missing', {}, /HTTP 404 Not Found/],
    [
      'a wrong sha256',
      '/ok',
      { digest: { sha256: wrongSha256 } },
      new RegExp(`/ok: sha256 mismatch, expected ${wrongSha256}, got ${sha256} `),
    ],
    [
      'a wrong git blob id',
      '/ok',
      { digest: { gitBlobSha1: wrongBlob } },
      new RegExp(`/ok: git blob sha1 mismatch, expected ${wrongBlob}, got ${gitBlobSha1} `),
    ],
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
