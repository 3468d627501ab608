/**
 * Several threads for one kernel call: a pool of Node `worker_threads`, each with instances of the same
 * compiled module (`runtime.ts`) on the shared memories of the calling thread's {@link WasmInstance}s, takes
 * blocks of the call's output while the calling thread takes blocks too. A memory is sent to the workers
 * (through a `MessagePort`, read synchronously with `receiveMessageOnPort`) at its first split call, and
 * dropped by them at {@link releaseKernelMemory}.
 *
 * A call is split into blocks of rows or columns of its output by {@link blockRanges}, a partition fixed by
 * the shape alone (not by the number of threads); a block's entries are computed exactly as in a single
 * call, and no sum spans two blocks, so the results are the same bit for bit for any number of threads.
 * Blocks are handed out through an Int32Array control block on a SharedArrayBuffer: the caller writes each
 * block's function (kernel and memory) and arguments, opens a claim word and wakes the workers (`Atomics.notify`); every
 * thread, the caller included, claims the next block (`Atomics.compareExchange`) until none is left, and the
 * caller then sleeps (`Atomics.wait`) until the last block is done. Claiming, not a fixed assignment, lets a thread that
 * the system runs late do fewer blocks (a busy machine) without changing any result. No message is posted
 * per call. The workers are unref'd (the process exits with them waiting) and started at the first call
 * that is worth splitting ({@link MIN_PARALLEL_WORK}); they are Node-only, reached through
 * `process.getBuiltinModule`, and their source is a string evaluated by `Worker`, so that no file needs to
 * be found next to the sources or the build.
 *
 * The number of threads is, in this order: {@link setKernelThreads}, the `COIN_THREADS` environment
 * variable, or min(available cores, {@link DEFAULT_MAX_THREADS}). One thread runs each kernel as one call
 * on the calling thread and starts no worker.
 */
import { kernelsModule, type WasmInstance, type WasmMemory } from './runtime.js';

/** The kernels whose calls may be split (functions of `kernels.wasm`, see `WasmKernels` in `runtime.ts`). */
export const PARALLEL_KERNELS = [
  'spmm',
  'dense',
  'thin',
  'csrTiled',
  'residualGrad',
  'adam',
  'explicitStepRows',
  'explicitStepRowsNarrow',
] as const;

/** One of {@link PARALLEL_KERNELS}. */
export type ParallelKernel = (typeof PARALLEL_KERNELS)[number];

/** Most threads by default (more cores than this rarely pay for kernels of this size). */
export const DEFAULT_MAX_THREADS = 4;

/** Multiply-adds below which a call stays on the calling thread (waking workers costs tens of µs). */
export const MIN_PARALLEL_WORK = 1 << 20;

/** Most blocks of one call; {@link blockRanges} makes blocks larger than the grain to stay below. */
export const MAX_BLOCKS = 256;

/** Most arguments of a kernel function. */
const MAX_ARGS = 16;

/**
 * Int32 slots of the control block: job number, claim word, blocks, blocks done, failure flag. The claim
 * word holds the job's tag (its number mod 2²¹) above the next block to claim (10 bits): a thread claims
 * block b by a compare-exchange of (tag, b) to (tag, b + 1), so a claim read during an earlier job can never
 * take a block of a later one.
 */
const SEQ = 0;
const CLAIM = 1;
const COUNT = 2;
const DONE = 3;
const FAILED = 4;
/** Int32 slots counting the blocks run by the workers and by the caller (all jobs). */
const WORKER_BLOCKS = 5;
const CALLER_BLOCKS = 6;
/** Int32 slot counting the memories sent to or released from the workers (a worker reads its port when it changes). */
const MEMORY_CHANGES = 7;
/**
 * Int32 slot of block 0's function id (one per block follows): memory index · {@link PARALLEL_KERNELS}.length
 * + kernel index.
 */
const KERNEL_IDS = 8;
/** Byte offset of the float64 arguments (MAX_ARGS per block). */
const ARGS_OFFSET = (KERNEL_IDS + MAX_BLOCKS) * 4;
/** Bits of the block index in the claim word; the index all ones closes a job while it is being written. */
const BLOCK_BITS = 10;
const CLOSED = (1 << BLOCK_BITS) - 1;

/**
 * Claims blocks of the current job and runs them until none is left; run by the caller and, from its source
 * text, by every worker (so it must not refer to anything outside itself: the slots and sizes are literals,
 * those of the constants above). A failing block sets the failure flag; the last block done wakes the caller.
 * @param fnOf - the function of a function id (kernel on a memory)
 * @param counter - the slot counting the blocks this thread runs
 */
function runClaimedBlocks(
  control: Int32Array,
  args: Float64Array,
  fnOf: (id: number) => (...a: number[]) => void,
  counter: number,
): void {
  for (;;) {
    const claim = Atomics.load(control, 1);
    const block = claim & 1023;
    const count = Atomics.load(control, 2);
    if (block >= count) return;
    if (Atomics.compareExchange(control, 1, claim, claim + 1) !== claim) continue;
    try {
      fnOf(control[8 + block])(...args.subarray(block * 16, block * 16 + 16));
    } catch {
      Atomics.store(control, 4, 1);
    }
    Atomics.add(control, counter, 1);
    if (Atomics.add(control, 3, 1) + 1 === count) Atomics.notify(control, 3);
  }
}

/**
 * The source of a worker: instantiate the module on each memory its port brings ({ index, memory }, memory
 * null to drop one), then run blocks of each job.
 */
const WORKER_SOURCE = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const { module, control: buffer, names, argsOffset, port } = workerData;
const control = new Int32Array(buffer, 0, argsOffset / 4);
const args = new Float64Array(buffer, argsOffset);
const fns = [];
let changes = 0;
const fnOf = (id) => {
  const now = Atomics.load(control, ${MEMORY_CHANGES});
  if (now !== changes || fns[id] === undefined) {
    changes = now;
    for (let got = receiveMessageOnPort(port); got !== undefined; got = receiveMessageOnPort(port)) {
      const { index, memory } = got.message;
      const exports = memory === null ? {} : new WebAssembly.Instance(module, { env: { memory } }).exports;
      names.forEach((name, k) => { fns[index * names.length + k] = exports[name]; });
    }
  }
  return fns[id];
};
const runClaimedBlocks = ${runClaimedBlocks.toString()};
let seen = 0;
for (;;) {
  Atomics.wait(control, ${SEQ}, seen);
  seen = Atomics.load(control, ${SEQ});
  runClaimedBlocks(control, args, fnOf, ${WORKER_BLOCKS});
}
`;

/** A started worker, as much of Node's `Worker` as is used here. */
interface WorkerHandle {
  unref(): void;
  terminate(): Promise<number>;
  on(event: 'error', listener: (error: Error) => void): void;
}

/** The sending end of a worker's port, as much of Node's `MessagePort` as is used here. */
interface PortHandle {
  postMessage(message: { index: number; memory: WasmMemory | null }): void;
  unref(): void;
  close(): void;
}

/** Workers on the memories of the instances split so far and the control block they share with the caller. */
class KernelPool {
  private readonly control: Int32Array;
  private readonly args: Float64Array;
  private readonly workers: WorkerHandle[] = [];
  private readonly ports: PortHandle[] = [];
  /** The memory index of each instance sent to the workers, and the caller's function of each function id. */
  private readonly memories = new Map<WasmInstance, number>();
  private readonly fns: ((...a: number[]) => void)[] = [];
  private nextMemory = 0;
  private failure: Error | null = null;

  constructor(workers: number) {
    const buffer = new SharedArrayBuffer(ARGS_OFFSET + MAX_BLOCKS * MAX_ARGS * 8);
    this.control = new Int32Array(buffer, 0, ARGS_OFFSET / 4);
    this.args = new Float64Array(buffer, ARGS_OFFSET);
    this.control[CLAIM] = CLOSED;
    const { Worker, MessageChannel } = process.getBuiltinModule('node:worker_threads');
    for (let w = 0; w < workers; w++) {
      const { port1, port2 } = new MessageChannel();
      const workerData = {
        module: kernelsModule(),
        control: buffer,
        names: PARALLEL_KERNELS,
        argsOffset: ARGS_OFFSET,
        port: port2,
      };
      const worker: WorkerHandle = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData,
        transferList: [port2],
      });
      worker.on('error', (error) => {
        this.failure = error;
      });
      worker.unref();
      port1.unref();
      this.workers.push(worker);
      this.ports.push(port1);
    }
  }

  /** The index of `wasm`'s memory, sent to the workers (before the job that uses it opens) at its first use. */
  private memoryIndex(wasm: WasmInstance): number {
    const known = this.memories.get(wasm);
    if (known !== undefined) return known;
    const index = this.nextMemory++;
    this.memories.set(wasm, index);
    const kernels = wasm.kernels as unknown as Record<string, (...a: number[]) => void>;
    PARALLEL_KERNELS.forEach((name, k) => {
      this.fns[index * PARALLEL_KERNELS.length + k] = kernels[name];
    });
    this.send(index, wasm.memory);
    return index;
  }

  /** Makes the workers drop their instance on `wasm`'s memory (a no-op when they have none). */
  release(wasm: WasmInstance): void {
    const index = this.memories.get(wasm);
    if (index === undefined) return;
    this.memories.delete(wasm);
    for (let k = 0; k < PARALLEL_KERNELS.length; k++) delete this.fns[index * PARALLEL_KERNELS.length + k];
    this.send(index, null);
  }

  /** Posts the memory of `index` (null: drop it) to every worker and marks the change for them. */
  private send(index: number, memory: WasmMemory | null): void {
    for (const port of this.ports) port.postMessage({ index, memory });
    Atomics.add(this.control, MEMORY_CHANGES, 1);
  }

  /** Runs the blocks `calls` on `wasm`'s memory on all threads; returns when all are done. */
  run(wasm: WasmInstance, calls: readonly KernelCall[]): void {
    if (this.failure !== null) {
      throw new Error(`@coin-gnn/core: a kernel worker thread failed: ${this.failure.message}`, {
        cause: this.failure,
      });
    }
    const { control, args } = this;
    const first = this.memoryIndex(wasm) * PARALLEL_KERNELS.length;
    const tag = ((Atomics.load(control, SEQ) + 1) & ((1 << (31 - BLOCK_BITS)) - 1)) << BLOCK_BITS;
    Atomics.store(control, CLAIM, tag | CLOSED);
    calls.forEach((call, block) => {
      control[KERNEL_IDS + block] = first + PARALLEL_KERNELS.indexOf(call.kernel);
      args.set(call.args, block * MAX_ARGS);
    });
    Atomics.store(control, COUNT, calls.length);
    Atomics.store(control, DONE, 0);
    Atomics.store(control, FAILED, 0);
    Atomics.store(control, CLAIM, tag);
    Atomics.add(control, SEQ, 1);
    Atomics.notify(control, SEQ);
    runClaimedBlocks(control, args, (id) => this.fns[id], CALLER_BLOCKS);
    for (let done = Atomics.load(control, DONE); done < calls.length; done = Atomics.load(control, DONE)) {
      Atomics.wait(control, DONE, done);
    }
    if (Atomics.load(control, FAILED) !== 0) {
      throw new Error(`@coin-gnn/core: a block of ${calls[0].kernel} failed on a kernel thread`);
    }
  }

  /** Blocks run so far by the workers and by the caller. */
  blocks(): { workers: number; caller: number } {
    return {
      workers: Atomics.load(this.control, WORKER_BLOCKS),
      caller: Atomics.load(this.control, CALLER_BLOCKS),
    };
  }

  /** Stops the workers. */
  close(): void {
    for (const worker of this.workers) void worker.terminate();
    for (const port of this.ports) port.close();
  }
}

/** One block of a split call: a kernel function and its arguments (at most 16, byte offsets and sizes). */
export interface KernelCall {
  readonly kernel: ParallelKernel;
  readonly args: readonly number[];
}

let chosenThreads: number | null = null;
let pool: KernelPool | null = null;

/** `value` as a thread count, or an error naming it and where it came from. */
function threadCount(value: unknown, source: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new Error(`${source} must be a whole number of threads ≥ 1, got ${String(value)}`);
  }
  return n;
}

/**
 * The number of threads the cpu backend's WebAssembly kernels use: the last {@link setKernelThreads}, else
 * the `COIN_THREADS` environment variable, else min(os.availableParallelism(), {@link DEFAULT_MAX_THREADS})
 * (1 outside Node).
 * @throws Error when `COIN_THREADS` is not a whole number ≥ 1
 */
export function kernelThreads(): number {
  if (chosenThreads !== null) return chosenThreads;
  if (typeof process === 'undefined' || process.getBuiltinModule === undefined) return 1;
  const env = process.env.COIN_THREADS;
  if (env !== undefined && env !== '') return threadCount(env, 'COIN_THREADS');
  return Math.min(process.getBuiltinModule('node:os').availableParallelism(), DEFAULT_MAX_THREADS);
}

/**
 * Sets the number of threads of the cpu backend's WebAssembly kernels (overriding `COIN_THREADS`); 1 runs
 * every kernel on the calling thread. Workers already started are stopped; new ones
 * start at the next kernel call that is split. Results do not depend on the count.
 * @param threads - a whole number ≥ 1, or null to go back to `COIN_THREADS` / the default
 * @throws Error when `threads` is not a whole number ≥ 1
 */
export function setKernelThreads(threads: number | null): void {
  chosenThreads = threads === null ? null : threadCount(threads, 'setKernelThreads: threads');
  pool?.close();
  pool = null;
}

/**
 * The fixed partition of [0, total) into blocks for {@link runSplit}: blocks of `grain` (a multiple of it
 * when more than {@link MAX_BLOCKS} blocks would be needed), the last one shorter. It depends only on
 * `total` and `grain`, never on the number of threads.
 * @returns [start, end) of each block, in order
 */
export function blockRanges(total: number, grain: number): [number, number][] {
  const size = Math.ceil(Math.max(grain, Math.ceil(total / MAX_BLOCKS)) / grain) * grain;
  const ranges: [number, number][] = [];
  for (let start = 0; start < total; start += size) ranges.push([start, Math.min(total, start + size)]);
  return ranges;
}

/**
 * Runs `kernel` over the range [0, total) of its output on {@link kernelThreads} threads: with one thread,
 * or less than {@link MIN_PARALLEL_WORK} multiply-adds of `work`, as the single call `argsOf(0, total)` on
 * the calling thread (so `work` 0 keeps a call there); otherwise as the calls `argsOf(start, end)` of the
 * blocks of {@link blockRanges},
 * shared with the pool's workers, which run on the memory of `wasm` (any instance: its memory is sent to the
 * workers at its first split call; {@link releaseKernelMemory} when the instance is dropped).
 * @param grain - rows or columns per block (blocks start at multiples of it)
 * @param argsOf - the kernel's arguments for the block [start, end)
 */
export function runSplit(
  wasm: WasmInstance,
  kernel: ParallelKernel,
  total: number,
  grain: number,
  work: number,
  argsOf: (start: number, end: number) => number[],
): void {
  const threads = kernelThreads();
  if (threads === 1 || work < MIN_PARALLEL_WORK || total <= grain) {
    (wasm.kernels[kernel] as (...a: number[]) => void)(...argsOf(0, total));
    return;
  }
  pool ??= new KernelPool(threads - 1);
  pool.run(
    wasm,
    blockRanges(total, grain).map(([start, end]) => ({ kernel, args: argsOf(start, end) })),
  );
}

/**
 * Blocks of split calls run so far by the worker threads and by the calling thread, since the workers of
 * the current thread count started (zeros before): how much the other cores took part.
 */
export function kernelThreadBlocks(): { workers: number; caller: number } {
  return pool?.blocks() ?? { workers: 0, caller: 0 };
}

/**
 * Makes the kernel threads drop their instance on the memory of `wasm`, an instance that {@link runSplit} may
 * have split calls on and that the caller is dropping (else the workers keep its memory alive); a later
 * split call on it sends it again. A no-op when no call on it was split.
 */
export function releaseKernelMemory(wasm: WasmInstance): void {
  pool?.release(wasm);
}
