import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

/** Where and how a benchmark ran. */
export interface BenchEnvironment {
  readonly cpuModel: string;
  /** Logical cores the operating system reports. */
  readonly cores: number;
  readonly totalMemoryMB: number;
  readonly platform: string;
  readonly arch: string;
  readonly nodeVersion: string;
  /** Tensor backend the runs used (as reported by the engine), or 'none' for kernel-only suites. */
  readonly backend: string;
  /** Commit of the working tree (with `-dirty` when it has changes), or null outside git. */
  readonly gitSha: string | null;
  /** ISO 8601 date-time at which the suite started. */
  readonly date: string;
  /** The command line that produced the result. */
  readonly command: string;
}

/**
 * Describes the machine, Node version, backend, git commit, date and command of a benchmark run.
 *
 * @param backend - the tensor backend in use (e.g. from core's `describeBackend()`)
 * @param command - the command line to record. Default: this process's arguments.
 */
export function benchEnvironment(backend: string, command = defaultCommand()): BenchEnvironment {
  const cpuList = cpus();
  return {
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    totalMemoryMB: Math.round(totalmem() / (1024 * 1024)),
    platform: process.platform,
    arch: process.arch,
    nodeVersion: process.version,
    backend,
    gitSha: gitSha(),
    date: new Date().toISOString(),
    command,
  };
}

function defaultCommand(): string {
  return ['coin', ...process.argv.slice(2)].join(' ');
}

function gitSha(): string | null {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return `${sha.trim()}${dirty.trim() ? '-dirty' : ''}`;
  } catch {
    return null;
  }
}
