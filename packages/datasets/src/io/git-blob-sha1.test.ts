import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { gitBlobSha1 } from './git-blob-sha1.js';

describe('gitBlobSha1', () => {
  it('matches `git hash-object` on small inputs', () => {
    // printf 'hello\n' | git hash-object --stdin ; git hash-object /dev/null
    expect(gitBlobSha1(new TextEncoder().encode('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(gitBlobSha1(new Uint8Array(0))).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  });

  it('matches the blob ids of the shipped Cora files in kimiyoung/planetoid', async () => {
    // git ls-tree af6abf4 data
    const upstream: Record<string, string> = {
      x: 'c4a91d008245403e7f26aa616b437191509793c0',
      y: '58e30ef120d3553cfaac33ff28c6b5436dbef661',
      tx: '6e856d777401ee15dc8619db76c97d0a40ba2d60',
      ty: 'da1734ab670b5c8ecee78a9c30b35566df916f4b',
      allx: '44d53b1fece343538e45592caac521d73c6f98d6',
      ally: '04fbd0b083d09341fcf16b395c642329637f0542',
      graph: '4d3bf85dfc8b1c105a2c995597a1b3eed6947925',
      'test.index': 'ded8092db4cd767a367eebe09003b954a5316f24',
    };
    for (const [part, id] of Object.entries(upstream)) {
      const bytes = await readFile(new URL(`../../data/planetoid/raw/ind.cora.${part}`, import.meta.url));
      expect(gitBlobSha1(bytes), part).toBe(id);
    }
  });
});
