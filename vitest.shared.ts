import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Shared vitest configuration: workspace packages resolve to their TypeScript sources through the
 * `@coin-gnn/source` export condition, so tests never need a build first.
 */
// The SwiftShader Vulkan driver of tools/scripts/install-swiftshader.sh, for the webgpu tests (the test
// processes inherit this environment), unless the caller names one.
const swiftshader = fileURLToPath(new URL('.swiftshader/usr/lib/chromium', import.meta.url));
if (process.env.COIN_SWIFTSHADER_DIR === undefined && existsSync(`${swiftshader}/vk_swiftshader_icd.json`)) {
  process.env.COIN_SWIFTSHADER_DIR = swiftshader;
}

export default defineConfig({
  resolve: { conditions: ['@coin-gnn/source', ...defaultServerConditions] },
  ssr: { resolve: { conditions: ['@coin-gnn/source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
