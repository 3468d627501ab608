import * as tf from '@tensorflow/tfjs-core';
import { explainLoadFailure } from './explain-load-failure.js';
import { missingGpuDevice } from './gpu-device.js';
import { missingVulkan } from './missing-vulkan.js';
import {
  addSoftwareVulkanDriver,
  NO_GPU_STACK_ENV,
  type SoftwareDriver,
  SWIFTSHADER_ENV,
} from './vulkan-driver.js';

/** The GPU adapter WebGPU found in Node, as `coin doctor` and run reports show it. */
export interface GpuAdapterDescription {
  /** Vendor, architecture and driver, e.g. `google swiftshader (SwiftShader driver 5.0.0)`. */
  readonly name: string;
  /** Whether it is a software rasteriser (SwiftShader: a fallback adapter), which proves the path, not speed. */
  readonly software: boolean;
}

/** Outcome of {@link probeWebGpu}: the adapter, or why there is none (with the fix). */
export type WebGpuProbe =
  | { readonly ok: true; readonly adapter: GpuAdapterDescription }
  | { readonly ok: false; readonly reason: string };

interface AdapterInfo {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface Gpu {
  requestAdapter(options?: { powerPreference?: string }): Promise<{ info?: AdapterInfo } | null>;
}

/** The package giving Node WebGPU (Dawn), an optional dependency of @coin-gnn/core. */
export const WEBGPU_PACKAGE = 'webgpu';
/** The tfjs backend on WebGPU, an optional dependency of @coin-gnn/core. */
export const TFJS_WEBGPU_PACKAGE = '@tensorflow/tfjs-backend-webgpu';

let probed: Promise<WebGpuProbe> | null = null;

/** How {@link findWebGpuAdapter} checks for Vulkan and loads Dawn (the defaults; tests pass their own). */
export interface WebGpuProbeSteps {
  /** Why Dawn would find no Vulkan, or null ({@link missingVulkan}). */
  readonly missingVulkan: () => string | null;
  /** Imports the `webgpu` package (Dawn). */
  readonly importDawn: () => Promise<unknown>;
}

const DEFAULT_STEPS: WebGpuProbeSteps = {
  missingVulkan: () => missingVulkan(),
  importDawn: () => import(WEBGPU_PACKAGE),
};

/**
 * Sets up WebGPU in Node once per process and asks for an adapter ({@link findWebGpuAdapter} with the
 * default steps). Does not import the tfjs backend.
 */
export function probeWebGpu(): Promise<WebGpuProbe> {
  probed ??= findWebGpuAdapter();
  return probed;
}

/**
 * Adds the SwiftShader driver named by `COIN_SWIFTSHADER_DIR` ({@link addSoftwareVulkanDriver}), checks that
 * Vulkan is there ({@link missingVulkan}: the loader and a driver manifest; without them Dawn is not loaded,
 * so it prints no native warning), imports the `webgpu` package (Dawn), installs `navigator.gpu` and the
 * WebGPU globals (before `@tensorflow/tfjs-backend-webgpu` is imported, which reads them), then requests a
 * high-performance adapter.
 * @param steps - the Vulkan check and Dawn's import (defaults: the real ones)
 */
export async function findWebGpuAdapter(steps: WebGpuProbeSteps = DEFAULT_STEPS): Promise<WebGpuProbe> {
  const driver = addSoftwareVulkanDriver();
  const missing = steps.missingVulkan();
  if (missing !== null) return { ok: false, reason: noVulkanReason(missing, driver) };
  let dawn: { create: (flags: string[]) => Gpu; globals: object };
  try {
    dawn = (await steps.importDawn()) as typeof dawn;
  } catch (error) {
    return { ok: false, reason: explainLoadFailure(WEBGPU_PACKAGE, error) };
  }
  const g = globalThis as { navigator?: { gpu?: Gpu } };
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create([]);
  if (g.navigator === undefined) {
    Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  } else {
    Object.defineProperty(g.navigator, 'gpu', { value: gpu, configurable: true });
  }
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (adapter === null) return { ok: false, reason: noVulkanReason('no adapter', driver) };
  const info = adapter.info ?? {};
  const detail = [info.vendor, info.architecture].filter((s) => s).join(' ') || 'unknown adapter';
  const software = info.isFallbackAdapter === true || /swiftshader|llvmpipe|lavapipe/i.test(detail);
  const name = info.description ? `${detail} (${info.description})` : detail;
  return { ok: true, adapter: { name, software } };
}

/** Why WebGPU has no adapter, with the fix and what was tried. */
function noVulkanReason(what: string, driver: SoftwareDriver): string {
  const tried = driver.problem ?? (driver.added ? `SwiftShader from ${driver.dir} was tried too` : null);
  return (
    `WebGPU found no Vulkan driver: ${what} (Dawn needs libvulkan.so.1 and a Vulkan ICD: the vendor driver on ` +
    `a GPU machine, or SwiftShader: run tools/scripts/install-swiftshader.sh and set ${SWIFTSHADER_ENV})` +
    (tried ? `; ${tried}` : '')
  );
}

/**
 * Activates the tfjs `webgpu` backend on the adapter {@link probeWebGpu} found.
 * @param allowSoftware - accept a software adapter (SwiftShader); `auto` passes false, and then a Linux machine
 *   without a GPU device file ({@link missingGpuDevice}) is refused before Dawn is loaded
 * @returns the adapter, or the reason it is not used
 */
export async function activateWebGpu(
  allowSoftware: boolean,
): Promise<{ ok: true; adapter: GpuAdapterDescription } | { ok: false; reason: string }> {
  if (!allowSoftware) {
    const noDevice = missingGpuDevice();
    if (noDevice !== null) return { ok: false, reason: `WebGPU not probed: ${noDevice}` };
  }
  const found = await probeWebGpu();
  if (!found.ok) return found;
  if (found.adapter.software && !allowSoftware) {
    return { ok: false, reason: `the only WebGPU adapter is software (${found.adapter.name})` };
  }
  try {
    await import(TFJS_WEBGPU_PACKAGE);
  } catch (error) {
    return { ok: false, reason: explainLoadFailure(TFJS_WEBGPU_PACKAGE, error) };
  }
  if (!(await tf.setBackend('webgpu'))) {
    return { ok: false, reason: `tfjs backend 'webgpu' failed to initialise on ${found.adapter.name}` };
  }
  activeAdapter = found.adapter;
  return { ok: true, adapter: found.adapter };
}

let activeAdapter: GpuAdapterDescription | null = null;

/** The adapter the tfjs `webgpu` backend runs on, once {@link activateWebGpu} succeeded. */
export function webGpuAdapter(): GpuAdapterDescription | null {
  return activeAdapter;
}

/** Whether the environment says this machine has no GPU stack at all (`COIN_NO_GPU_STACK=1`). */
export function noGpuStack(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[NO_GPU_STACK_ENV] === '1';
}
