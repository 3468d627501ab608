import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.ts';

/** The shared configuration for the examples' tests (beside each example); each runs its example in a child process. */
export default mergeConfig(
  shared,
  defineConfig({ test: { include: ['*/**/*.test.ts'], exclude: ['node_modules/**'], testTimeout: 300_000 } }),
);
