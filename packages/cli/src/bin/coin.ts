#!/usr/bin/env node
import { CoinError } from '@coin-gnn/graph';
import { createProgram } from '../program.js';

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  if (CoinError.isInstance(error)) {
    process.stderr.write(`coin: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
