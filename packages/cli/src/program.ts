import { Command } from 'commander';
import { registerBenchCommand } from './commands/bench.js';
import { registerDataCommand } from './commands/data.js';
import { registerDoctorCommand } from './commands/doctor.js';
import { registerPredictCommand } from './commands/predict.js';
import { registerTrainCommand } from './commands/train.js';

/**
 * Builds the `coin` command: one sub-command per package (`coin data` from datasets, `coin train` from core,
 * `coin bench` from bench), each registered by its module in `./commands/`.
 */
export function createProgram(): Command {
  const program = new Command('coin')
    .description('coin-gnn: graph neural networks as convection-diffusion equations (COIN)')
    .version('0.1.0')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true })
    .option(
      '--import <module>',
      'first import a module that registers models, datasets or operators (repeatable; path or package)',
    );
  registerBenchCommand(program);
  registerDataCommand(program);
  registerDoctorCommand(program);
  registerPredictCommand(program);
  registerTrainCommand(program);
  return program;
}
