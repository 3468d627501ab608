import { InvalidArgumentError } from '@coin-gnn/graph';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerBenchCommand } from './bench.js';

function program(): Command {
  const p = new Command('coin').exitOverride();
  registerBenchCommand(p);
  return p;
}

describe('registerBenchCommand', () => {
  it('adds `coin bench` with its suites and options', () => {
    const bench = program().commands.find((c) => c.name() === 'bench')!;
    const flags = bench.options.map((o) => o.long);
    for (const flag of ['--suite', '--out', '--report', '--runs', '--json', '--scheme', '--sizes'])
      expect(flags).toContain(flag);
    const suite = bench.options.find((o) => o.long === '--suite')!;
    expect(suite.description).toContain('quick | full | paper | sigma | scale | kernels');
  });

  it('rejects an unknown suite and bad numbers before running anything', async () => {
    await expect(program().parseAsync(['bench', '--suite', 'slow'], { from: 'user' })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(program().parseAsync(['bench', '--runs', '-1'], { from: 'user' })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(program().parseAsync(['bench', '--sigma2', '0.1,x'], { from: 'user' })).rejects.toThrow(
      InvalidArgumentError,
    );
  });
});
