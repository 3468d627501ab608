import { engine, memory as tfMemory } from '@tensorflow/tfjs-core';

/** Peak memory seen by a {@link MemorySampler}, in MiB (2²⁰ bytes) and tensors. */
export interface MemoryPeak {
  /** Resident set size of the whole process. */
  readonly rssMB: number;
  /** V8 heap in use. */
  readonly heapUsedMB: number;
  /** Memory held by ArrayBuffers outside the V8 heap (typed arrays, tensor data on the CPU backend). */
  readonly arrayBuffersMB: number;
  /** Bytes held by tfjs tensors (`tf.memory().numBytes`). */
  readonly tfMB: number;
  /** Live tfjs tensors (`tf.memory().numTensors`). */
  readonly tfTensors: number;
  /** GPU memory when the backend reports it (`numBytesInGPU` on WebGL / WebGPU), else null. */
  readonly gpuMB: number | null;
  /** How many samples the peaks were taken over. */
  readonly samples: number;
}

const MIB = 1024 * 1024;

/**
 * Samples process and engine memory while a run goes on and keeps the peaks. Samples come from a timer
 * (every `intervalMs` while the event loop is free) and from explicit {@link MemorySampler.sample} calls,
 * which a training loop makes once per epoch so that synchronous epochs are covered too. Nothing is
 * collected or forced: the peaks include garbage not yet collected, as the operating system sees it.
 */
export class MemorySampler {
  private timer: NodeJS.Timeout | undefined;
  private rss = 0;
  private heapUsed = 0;
  private arrayBuffers = 0;
  private tfBytes = 0;
  private tfTensors = 0;
  private gpuBytes: number | null = null;
  private count = 0;

  /** @param intervalMs - period of the background timer in milliseconds. Default 50. */
  constructor(private readonly intervalMs = 50) {}

  /** Takes a first sample and starts the background timer (it does not keep the process alive). */
  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  /** Takes one sample now. */
  sample(): void {
    const usage = process.memoryUsage();
    this.rss = Math.max(this.rss, usage.rss);
    this.heapUsed = Math.max(this.heapUsed, usage.heapUsed);
    this.arrayBuffers = Math.max(this.arrayBuffers, usage.arrayBuffers);
    this.count++;
    if (engine().backendNames().length === 0) return; // no tfjs backend loaded: nothing held by tensors
    const info = tfMemory() as ReturnType<typeof tfMemory> & { numBytesInGPU?: number };
    this.tfBytes = Math.max(this.tfBytes, info.numBytes);
    this.tfTensors = Math.max(this.tfTensors, info.numTensors);
    if (typeof info.numBytesInGPU === 'number')
      this.gpuBytes = Math.max(this.gpuBytes ?? 0, info.numBytesInGPU);
  }

  /** Takes a last sample, stops the timer and returns the peaks. */
  stop(): MemoryPeak {
    this.sample();
    clearInterval(this.timer);
    this.timer = undefined;
    return {
      rssMB: this.rss / MIB,
      heapUsedMB: this.heapUsed / MIB,
      arrayBuffersMB: this.arrayBuffers / MIB,
      tfMB: this.tfBytes / MIB,
      tfTensors: this.tfTensors,
      gpuMB: this.gpuBytes === null ? null : this.gpuBytes / MIB,
      samples: this.count,
    };
  }
}
