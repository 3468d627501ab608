export * from './errors.js';
export { CsrMatrix } from './sparse/csr-matrix.js';
