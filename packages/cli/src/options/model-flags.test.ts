import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addModelFlags, modelFlags, modelSettings } from './model-flags.js';

/** Parses `args` with the model flags alone and returns the settings for `model` on `dataset`. */
function settings(args: string[], model: string, dataset = 'cora') {
  const command = addModelFlags(new Command('t').exitOverride().configureOutput({ writeErr: () => {} }));
  command.parse(['node', 't', ...args]);
  return modelSettings(command.opts(), model, dataset);
}

describe('model flags', () => {
  it('group the options of all registered models by flag, one type each', () => {
    const steps = modelFlags().find((f) => f.flag === 'steps')!;
    expect(steps.kind).toBe('number');
    expect(steps.models.map((m) => [m.model, m.option])).toEqual([
      ['coin', 'numSteps'],
      ['diff-resnet', 'numSteps'],
      ['appnp', 'numSteps'],
      ['sgc', 'numSteps'],
      ['dgc', 'numSteps'],
    ]);
    const time = modelFlags().find((f) => f.flag === 'time')!;
    expect(time.models.map((m) => [m.model, m.option])).toEqual([
      ['dgc', 'diffusionTime'],
      ['gdc', 'diffusionTime'],
      ['cgnn', 'time'],
      ['gcde', 'time'],
      ['grand-linear', 'time'],
      ['grand', 'time'],
    ]);
    expect(modelFlags().map((f) => f.flag)).toEqual(
      expect.arrayContaining([
        'sigma2',
        'scheme',
        'substeps',
        'hidden',
        'dropout',
        'bias',
        'decay-layers',
        'alpha',
      ]),
    );
  });

  it('give the model its defaults and optimiser settings when no flag is set', () => {
    expect(settings([], 'sgc')).toEqual({ options: {}, optimizer: 'adam', lr: 0.2, weightDecay: 5e-6 });
    expect(settings([], 'coin')).toEqual({ options: {}, optimizer: 'adam', lr: 0.01, weightDecay: 5e-4 });
    expect(settings([], 'grand')).toMatchObject({ optimizer: 'adamax', lr: 0.0229, weightDecay: 0.00508 });
  });

  it('turn flags into the model’s options by name', () => {
    expect(settings(['--steps', '7', '--sigma2', '0.2', '--substeps'], 'coin').options).toEqual({
      numSteps: 7,
      sigma2: 0.2,
      substeps: true,
    });
    expect(settings(['--no-bias', '--hidden', '32', '--decay-layers', 'first'], 'appnp').options).toEqual({
      bias: false,
      hidden: 32,
      decayLayers: 'first',
    });
    expect(settings(['--bias', 'false'], 'mlp').options).toEqual({ bias: false });
    expect(settings(['--lr', '0.05', '--weight-decay', '0', '--optimizer', 'adamax'], 'gcn')).toMatchObject({
      optimizer: 'adamax',
      lr: 0.05,
      weightDecay: 0,
    });
  });

  it('refuse a huge number naming the flag and what it would cost (was a RangeError stack trace)', () => {
    // the widest maximum of the models taking the flag, with that model's reason
    expect(() => settings(['--steps', '4294967296'], 'coin')).toThrow(
      /^error: option '--steps <n>' argument '4294967296' is invalid. expected an integer in \[0, 1000000\] \(each step is a sparse product in the forward and in the backward pass: 10⁶ steps take about 6 minutes an epoch on Cora \(cpu backend\)\), got "4294967296".$/,
    );
    expect(() => settings(['--steps', '-1'], 'coin')).toThrow(
      /expected an integer in \[0, 1000000\], got "-1"/,
    );
    expect(() => settings(['--dropout', '1'], 'gcn')).toThrow(
      /expected a finite number in \[0, 1\), got "1"/,
    );
    // a model's narrower range, checked with the model, naming the flag
    expect(() => settings(['--steps', '1000'], 'diff-resnet')).toThrow(
      /^--model diff-resnet: `--steps` must be an integer in \[0, 100\] \(each step keeps numNodes × numFeatures activations for the backward pass: about 16 MB a step on Cora, 1.6 GB for 100\), got 1000$/,
    );
    expect(settings(['--steps', '1000'], 'coin').options).toEqual({ numSteps: 1000 });
    expect(settings(['--steps', '100'], 'diff-resnet').options).toEqual({ numSteps: 100 });
  });

  it('apply a preset for the dataset, under the flags given', () => {
    expect(settings(['--preset', 'official'], 'sgc', 'citeseer')).toEqual({
      options: {},
      optimizer: 'adam',
      lr: 0.2,
      weightDecay: 2.3546e-5,
    });
    expect(settings(['--preset', 'official'], 'gcn', 'cora').options).toEqual({
      hidden: 64,
      dropout: 0.8,
      decayLayers: 'all',
    });
    const appnp = settings(['--preset', 'official', '--weight-decay', '1e-3', '--bias'], 'appnp');
    expect(appnp).toEqual({
      options: { bias: true, decayLayers: 'first' },
      optimizer: 'adam',
      lr: 0.01,
      weightDecay: 1e-3,
    });
    // GRAND: Adamax on Cora (the definition's), Adam on Citeseer (the preset's), either under --optimizer
    expect(settings(['--preset', 'official'], 'grand', 'cora').optimizer).toBe('adamax');
    expect(settings(['--preset', 'official'], 'grand', 'citeseer').optimizer).toBe('adam');
    expect(settings(['--preset', 'official', '--optimizer', 'adamax'], 'grand', 'citeseer').optimizer).toBe(
      'adamax',
    );
    expect(() => settings(['--preset', 'official'], 'coin', 'pubmed')).toThrow(/cora, citeseer/);
    expect(() => settings(['--preset', 'tuned'], 'gcn')).toThrow(/official/);
  });
});
