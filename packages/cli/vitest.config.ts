import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

/** The shared configuration, plus core's WebAssembly module compiled first if missing or stale. */
export default mergeConfig(shared, defineConfig({ test: { globalSetup: ['../core/vitest.wasm-setup.ts'] } }));
