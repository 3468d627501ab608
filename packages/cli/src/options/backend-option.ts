import { BACKEND_NAMES, type BackendName } from '@coin-gnn/core';
import { Option } from 'commander';

/**
 * The `--backend <name>` option of the commands that compute (`coin train`, `coin bench`, `coin predict`): one of
 * `auto|cpu|wasm|webgpu|webgl|tensorflow` (core's `selectBackend`), default `auto`.
 */
export function backendOption(): Option {
  return new Option(
    '--backend <name>',
    'tensor backend (auto: native if installed, else WebGPU on a hardware GPU, else cpu; see `coin doctor`)',
  )
    .choices(BACKEND_NAMES)
    .default('auto' satisfies BackendName);
}
