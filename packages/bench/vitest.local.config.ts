import { defineConfig } from 'vitest/config';
const conditions = ['@coin-gnn/source', 'module', 'node', 'development'];
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
