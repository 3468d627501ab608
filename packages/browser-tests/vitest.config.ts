import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

/** Browser tests: one Chromium per file, SwiftShader is slow, so long timeouts and no parallel files. */
export default mergeConfig(
  shared,
  defineConfig({ test: { testTimeout: 240_000, hookTimeout: 120_000, fileParallelism: false } }),
);
