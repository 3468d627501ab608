import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { InvalidArgumentError } from '@coin-gnn/graph';

/** A running static server on 127.0.0.1. */
export interface StaticServer {
  /** Its address, `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** Addresses requested so far (path and query), in order. */
  readonly requested: readonly string[];
  /** Stops it. */
  close(): Promise<void>;
}

/** Content types of the files a page needs; others are served as bytes. */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/**
 * Serves folders over HTTP on 127.0.0.1 only (nothing else can reach it), read-only: a request for
 * `<prefix><rest>` answers the file `<folder>/<rest>` of the longest matching prefix (`index.html` for a path
 * ending in `/`), 404 for anything else, including paths that would leave the folder.
 *
 * @param routes - URL path prefixes, each starting and ending with `/`, to folders
 * @param port - the port (default 0: any free one)
 * @throws {@link InvalidArgumentError} naming a prefix that does not start and end with `/`
 * @example const server = await serveStatic({ '/': 'dist/page', '/data/': 'packages/datasets/data' });
 */
export async function serveStatic(routes: Readonly<Record<string, string>>, port = 0): Promise<StaticServer> {
  for (const prefix of Object.keys(routes)) {
    if (!prefix.startsWith('/') || !prefix.endsWith('/')) {
      throw new InvalidArgumentError(
        'serveStatic',
        'routes',
        prefix,
        'a path prefix starting and ending with /',
      );
    }
  }
  const prefixes = Object.keys(routes).sort((a, b) => b.length - a.length);
  const requested: string[] = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    requested.push(request.url ?? '/');
    const prefix = prefixes.find((p) => path.startsWith(p));
    const file = prefix === undefined ? undefined : fileUnder(routes[prefix], path.slice(prefix.length));
    try {
      if (file === undefined) throw new Error('outside the served folders');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end(`not found: ${path}`);
    }
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    requested,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** The file `rest` names inside `folder` (index.html for a folder path), or undefined if it would leave it. */
function fileUnder(folder: string, rest: string): string | undefined {
  const root = resolve(folder);
  const file = resolve(root, rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest);
  return file.startsWith(root + sep) ? file : undefined;
}
