import { describe, expect, it } from 'vitest';
import { createProgram } from '../program.js';

/** Parses `coin train ...` without running it: the action is replaced, commander errors become exceptions. */
function parse(args: string[]): { error?: string } {
  const program = createProgram().exitOverride();
  const train = program.commands.find((c) => c.name() === 'train')!;
  train.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  train.action(() => {});
  try {
    program.parse(['node', 'coin', 'train', ...args]);
    return {};
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('coin train', () => {
  it('accepts the documented flags', () => {
    expect(parse(['--dataset', 'cora'])).toEqual({});
    expect(
      parse([
        '--dataset',
        'citeseer',
        '--protocol',
        'public',
        '--model',
        'gcn',
        '--runs',
        '3',
        '--inits',
        '2',
      ]),
    ).toEqual({});
    expect(
      parse(['--dataset', 'cora', '--steps', '10', '--sigma2', '0.3', '--json', '--out', '/tmp/m']),
    ).toEqual({});
    for (const scheme of ['explicit', 'implicit', 'fed', 'rk4', 'dopri5']) {
      expect(parse(['--dataset', 'cora', '--scheme', scheme])).toEqual({});
    }
    expect(parse(['--dataset', 'cora', '--scheme', 'explicit', '--substeps'])).toEqual({});
  });

  it.each([
    [['--dataset', 'nosuch'], 'nosuch'],
    [['--dataset', 'cora', '--hidden', '0'], '"0"'],
    [['--dataset', 'cora', '--substeps', 'yes'], '"yes"'],
    [['--dataset', 'cora', '--decay-layers', 'none'], 'none'],
    [['--dataset', 'cora', '--lr', '-1'], '"-1"'],
    [['--dataset', 'cora', '--optimizer', 'sgd'], 'sgd'],
    [['--dataset', 'cora', '--model', 'no-such-model'], 'no-such-model'],
    [['--dataset', 'cora', '--runs', '0'], '"0"'],
    [['--dataset', 'cora', '--sigma2', 'abc'], '"abc"'],
    [['--dataset', 'cora', '--steps', '2.5'], '"2.5"'],
    [['--dataset', 'cora', '--backend', 'gpu'], 'gpu'],
    [['--dataset', 'cora', '--scheme', 'nope'], 'nope'],
  ])('rejects %j naming the value', (args, value) => {
    const { error } = parse(args);
    expect(error).toBeDefined();
    expect(error).toContain(value);
  });

  it('parses --scheme and --substeps into the options', () => {
    const program = createProgram().exitOverride();
    const train = program.commands.find((c) => c.name() === 'train')!;
    train.action(() => {});
    program.parse(['node', 'coin', 'train', '--dataset', 'cora', '--scheme', 'fed']);
    expect(train.opts()).toMatchObject({ scheme: 'fed' });
    expect(train.opts().substeps).toBeUndefined();
    program.parse(['node', 'coin', 'train', '--dataset', 'cora', '--substeps']);
    expect(train.opts()).toMatchObject({ substeps: true });
  });

  it('requires --dataset', () => {
    expect(parse([]).error).toContain('--dataset');
  });

  it('exposes every registered model option as a flag, with each model’s default in --help', () => {
    const program = createProgram();
    const help = program.commands.find((c) => c.name() === 'train')!.helpInformation();
    expect(help).toContain('--hidden <n>');
    expect(help).toContain('hidden width (gcn 16, appnp 64, mlp 64');
    expect(help).toContain('--steps <n>');
    expect(help).toContain('--no-bias');
    expect(help).toContain('--weight-decay <λ>');
    expect(help).toContain('--optimizer <name>');
    expect(help).toMatch(/adam but grand-linear,\s+grand: adamax/);
    expect(help).toContain('sgc 0.2');
    expect(help).toContain('--preset <name>');
    expect(help).toContain('citeseer');
  });
});
