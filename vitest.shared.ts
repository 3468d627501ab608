import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Shared vitest configuration: workspace packages resolve to their TypeScript sources through the
 * `@coin-gnn/source` export condition, so tests never need a build first.
 */
export default defineConfig({
  resolve: { conditions: ['@coin-gnn/source', ...defaultServerConditions] },
  ssr: { resolve: { conditions: ['@coin-gnn/source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
