#!/usr/bin/env -S node --max-semi-space-size=4 --optimize-for-size
import { CoinError } from '@coin-gnn/graph';
import { importModules } from '../import-modules.js';
import { createProgram } from '../program.js';

try {
  await importModules(process.argv.slice(2));
  await createProgram().parseAsync(process.argv);
} catch (error) {
  if (CoinError.isInstance(error)) {
    process.stderr.write(`coin: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
