import { kernelThreadBlocks, setKernelThreads } from '../kernel-threads.js';

/**
 * Runs `op` with the WebAssembly kernels on `threads` threads and returns its result; with more than one,
 * `op` is repeated (a few ms apart, while the workers start) until a run in which the workers took blocks,
 * whose result is returned, so that a test compares numbers that the other threads helped compute.
 * @throws Error when no worker has taken a block after `tries` runs
 */
export async function onThreads<T>(threads: number, op: () => T, tries = 400): Promise<T> {
  setKernelThreads(threads);
  for (let run = 0; run < tries; run++) {
    const before = kernelThreadBlocks().workers;
    const result = op();
    if (threads === 1 || kernelThreadBlocks().workers > before) return result;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`onThreads: no worker took a block in ${tries} runs on ${threads} threads`);
}
