import { InvalidArgumentError } from '@coin-gnn/graph';

/**
 * The pinned digest of a dataset file: its SHA-256 (64 hex digits, as `sha256sum` prints), or, where only
 * that is known, its git blob id in the repository the file is served from (40 hex digits, as
 * `git hash-object` prints; see `io/git-blob-sha1.ts`). Either identifies the published bytes.
 */
export type FileDigest = { readonly sha256: string } | { readonly gitBlobSha1: string };

/** One file of a dataset: where it lives in the data folder, where it comes from, and its digest. */
export interface DatasetFile {
  /** Path relative to the data folder (the package's `data/` or the cache), e.g. `planetoid/raw/ind.cora.x`. */
  readonly path: string;
  /** Canonical public download address. */
  readonly url: string;
  /** Pinned digest, checked on every load (shipped copy, cache or download). */
  readonly digest: FileDigest;
}

/** A dataset of one of the two supported families. */
export interface DatasetEntry {
  /** Canonical name, lowercase (`cora`, `amazon-computers`, …). */
  readonly name: string;
  readonly family: 'planetoid' | 'gnn-benchmark';
  readonly files: readonly DatasetFile[];
  /** True when the files ship inside this package (no network needed). */
  readonly shipped: boolean;
}

/** The parts of a Planetoid dataset, `ind.<name>.<part>`. */
export const PLANETOID_PARTS = ['x', 'y', 'tx', 'ty', 'allx', 'ally', 'graph', 'test.index'] as const;
export type PlanetoidPart = (typeof PLANETOID_PARTS)[number];

const PLANETOID_URL = 'https://github.com/kimiyoung/planetoid/raw/master/data';
const GNN_BENCHMARK_URL = 'https://github.com/shchur/gnn-benchmark/raw/master/data/npz';

/**
 * Digests of the Planetoid files `data/ind.<name>.<part>` in `kimiyoung/planetoid` at commit
 * af6abf468a772cc055bec88c52e4d6f51b7c37e3 (the `master` that {@link PLANETOID_URL} serves): sha256 computed
 * from the repository's blobs (Cora and Citeseer equal data/planetoid/SOURCE.md), except PubMed `allx`, whose
 * blob was too large to be read from the repository snapshot and is pinned by its git blob id (the same blob
 * as in `tkipf/gcn`).
 */
const PLANETOID_DIGESTS: Record<string, Record<PlanetoidPart, FileDigest>> = {
  cora: {
    x: { sha256: '23cfa55d91c6f624233f5eb7b6e3f141f1bd2b2ae39608a63cf5d084bb27baab' },
    y: { sha256: '94465c14eb53e04ca262198dcbb2521ee8af60fb3f3d546cd6ca24a511b0e7d1' },
    tx: { sha256: 'b9afbaa4a400df991f6f02ef677e1e44da55ffc04801fd02f9e673987829226a' },
    ty: { sha256: '41f5ac76596a1699cc33f53084a2419e92961c42bb75f36fc38e616d348532ad' },
    allx: { sha256: '9419ba2f26f5c35243db64aba110e0f35a04851609e0dc5433450676ca6b8543' },
    ally: { sha256: '2b998f5cc7fedc86e7f97ca2498f47a1ffc1462c29e2d578b23bf3f62b6e7d71' },
    graph: { sha256: '58f13302f39dde8852dad6fe6d15b89b077b6d7f837626bce671ef80344b383d' },
    'test.index': { sha256: '297ce89af2b51a6a194181c7dbe1796c6a1cf9cd9349a88383b1b1e227867875' },
  },
  citeseer: {
    x: { sha256: 'd20de19150741e555de0ed037195630fc194114ebc7fd72ced62810148aa22f6' },
    y: { sha256: '8ba87e515d8e3ee3cf52f6d2c5b86aa73f11ecad825a808455209ec26cd54924' },
    tx: { sha256: '539a8906a2da97628d212f2fdd668c109a8b3f0d36574b59e5d3fd5b5303da21' },
    ty: { sha256: '55e5bd1ba1e733a04598753ad1a8d57957f4b8f89e74519f41f4f4938767e4ce' },
    allx: { sha256: '2ac30345d95c9ec933a817ee0bdd6a5f077f8c184a20e696910192d534414668' },
    ally: { sha256: 'f704b2d986dde6c2669934de1f3ae5696a6cf9455c0f6b2646a2d135ea0a1c95' },
    graph: { sha256: 'd79a4ef9d3e7169aee8946145f6b7306e35bc79bffad26346cfb94e10e9912a7' },
    'test.index': { sha256: '2af990671580b6b2df5d158d1038f8292e30c9cd821b5453f399659b25b723d4' },
  },
  pubmed: {
    x: { sha256: 'fbe9cb5c47200d1b7769a26e579be3b7130b556831f9d850e77c4c74f2599b33' },
    y: { sha256: 'e6c807633307a07ed659249006536a147c7999c797f11a2560752990181b41b3' },
    tx: { sha256: '4eb5f5d0f30f26497eb0ac6ac9719d09c67e284f1ed0385c93f3ef27a671da3d' },
    ty: { sha256: 'ee2e0d4819d9fbcc403689c3bf2e49face401b605932f093bc58ab6461130fdd' },
    allx: { gitBlobSha1: '3b86bccf08111c37c632a9dd8ab63db25ea76361' },
    ally: { sha256: '0c37bbe3b5014ec365e9d393cf4791925e5ed94fb194305d74f064a8d7b50f0e' },
    graph: { sha256: '5b89f0036ca22909471f1e6558eb42fa06e0c730a577bde5b058b40638f81dc9' },
    'test.index': { sha256: 'b101d421688bbaecbd82e8a18f1e282378d6830f3a37666f28ebc47f844341b5' },
  },
};

/**
 * gnn-benchmark name → file in `shchur/gnn-benchmark` `data/npz/` (commit
 * 1e72912a0810cdf27ae54fd589a3b43358a2b161, the `master` that {@link GNN_BENCHMARK_URL} serves) and its
 * digest.
 * Cora and Citeseer: sha256 computed from that repository's blobs, equal to data/gnn-benchmark/SOURCE.md (the
 * copies in `shwangtangjun/COIN` `graph/data/` are the same blobs). The others: their git blob ids in that
 * tree (their blobs were too large to be read from the repository snapshot; COIN's `graph/data/pubmed.npz` is
 * the same blob as pubmed's).
 */
const GNN_BENCHMARK_FILES: Record<string, { file: string; digest: FileDigest }> = {
  cora: {
    file: 'cora.npz',
    digest: { sha256: '068e22d90c3849b4057dfb05851741428992af058efcd4e7ebb4186f3d581de2' },
  },
  citeseer: {
    file: 'citeseer.npz',
    digest: { sha256: '280278b21b434c047922e8389518861416fb3ad39389c27865ff0e6bbb0aaab7' },
  },
  pubmed: { file: 'pubmed.npz', digest: { gitBlobSha1: '25d0b1bebcb08296348572ca0cebe322fdd085b0' } },
  'cora-full': { file: 'cora_full.npz', digest: { gitBlobSha1: '2478a176d63fe71090f4c21fe588bf5d381cad80' } },
  'amazon-computers': {
    file: 'amazon_electronics_computers.npz',
    digest: { gitBlobSha1: '8120e4148a330b3fafe37c4476823302d9d834b9' },
  },
  'amazon-photo': {
    file: 'amazon_electronics_photo.npz',
    digest: { gitBlobSha1: '97323743cb56aca9dd611f5b4b46862c1c9c6bd9' },
  },
  'coauthor-cs': {
    file: 'ms_academic_cs.npz',
    digest: { gitBlobSha1: '9bdd7da943d86b74297e8d32e99eb64245b52835' },
  },
  'coauthor-physics': {
    file: 'ms_academic_phy.npz',
    digest: { gitBlobSha1: '8d8bc12e29aa67f6753a712080eae81079bd7d01' },
  },
};

const SHIPPED = new Set(['cora', 'citeseer']);

/** Other spellings accepted for a name (after lowercasing and `_` → `-`). */
const ALIASES: Record<string, string> = {
  corafull: 'cora-full',
  computers: 'amazon-computers',
  photo: 'amazon-photo',
  cs: 'coauthor-cs',
  physics: 'coauthor-physics',
};

/** Canonical names of the Planetoid datasets. */
export const PLANETOID_NAMES: readonly string[] = Object.keys(PLANETOID_DIGESTS);
/** Canonical names of the gnn-benchmark datasets. */
export const GNN_BENCHMARK_NAMES: readonly string[] = Object.keys(GNN_BENCHMARK_FILES);

/**
 * The table entry of a dataset.
 *
 * @param family - which source
 * @param name - dataset name, case-insensitive, `_` or `-` (`Cora`, `amazon_computers`, `photo`)
 * @param fn - the public function asking, named in the error
 * @throws {@link InvalidArgumentError} naming the bad name and listing the known ones
 */
export function datasetEntry(family: DatasetEntry['family'], name: string, fn: string): DatasetEntry {
  const key = name.toLowerCase().replaceAll('_', '-');
  const canonical = ALIASES[key] ?? key;
  if (family === 'planetoid') {
    const digests = PLANETOID_DIGESTS[canonical];
    if (!digests) {
      throw new InvalidArgumentError(fn, 'name', name, `a Planetoid dataset (${PLANETOID_NAMES.join(', ')})`);
    }
    return {
      name: canonical,
      family,
      shipped: SHIPPED.has(canonical),
      files: PLANETOID_PARTS.map((part) => ({
        path: `planetoid/raw/ind.${canonical}.${part}`,
        url: `${PLANETOID_URL}/ind.${canonical}.${part}`,
        digest: digests[part],
      })),
    };
  }
  const spec = GNN_BENCHMARK_FILES[canonical];
  if (!spec) {
    throw new InvalidArgumentError(
      fn,
      'name',
      name,
      `a gnn-benchmark dataset (${GNN_BENCHMARK_NAMES.join(', ')})`,
    );
  }
  return {
    name: canonical,
    family,
    shipped: SHIPPED.has(canonical),
    files: [
      { path: `gnn-benchmark/${spec.file}`, url: `${GNN_BENCHMARK_URL}/${spec.file}`, digest: spec.digest },
    ],
  };
}
