/**
 * The environment variable naming a folder with a Vulkan driver to add for WebGPU in Node: the folder that
 * `tools/scripts/install-swiftshader.sh` fills, `<dir>/usr/lib/chromium`, holding
 * `vk_swiftshader_icd.json`, `libvk_swiftshader.so` and the Vulkan loader `libvulkan.so.1`.
 */
export const SWIFTSHADER_ENV = 'COIN_SWIFTSHADER_DIR';

/** The environment variable that, when set to 1, says this machine has no GPU stack (tests skip webgpu, loudly). */
export const NO_GPU_STACK_ENV = 'COIN_NO_GPU_STACK';

/** What {@link addSoftwareVulkanDriver} did. */
export interface SoftwareDriver {
  /** The folder of {@link SWIFTSHADER_ENV}, or null when unset. */
  readonly dir: string | null;
  /** Whether the SwiftShader ICD was added to the Vulkan loader's drivers (`VK_ADD_DRIVER_FILES`). */
  readonly added: boolean;
  /** Why not, when a folder was named but is unusable. */
  readonly problem: string | null;
}

/** `RTLD_NODELETE` of glibc: keeps a library mapped after the failed addon registration closes it. */
const RTLD_NODELETE = 0x1000;

/**
 * Makes the SwiftShader Vulkan driver of {@link SWIFTSHADER_ENV} visible to Dawn, before the `webgpu`
 * package is imported: appends its ICD to `VK_ADD_DRIVER_FILES` (the vendor drivers stay visible, so a real
 * GPU is still preferred) and, when the Vulkan loader `libvulkan.so.1` of the folder is not loaded yet, maps
 * it into the process so that Dawn's `dlopen("libvulkan.so.1")` finds it without `LD_LIBRARY_PATH` (the
 * system's loader, if installed, is used when `LD_LIBRARY_PATH` names no other). Does nothing when the
 * variable is unset or the user set `VK_ICD_FILENAMES` themselves. Node only (its `fs` and `path` are reached
 * through `process.getBuiltinModule`, so that a browser bundle of the library has no Node import).
 */
export function addSoftwareVulkanDriver(env: NodeJS.ProcessEnv = process.env): SoftwareDriver {
  const dir = env[SWIFTSHADER_ENV] ?? null;
  if (dir === null || dir === '') return { dir: null, added: false, problem: null };
  const { existsSync } = process.getBuiltinModule('node:fs');
  const { join } = process.getBuiltinModule('node:path');
  const icd = join(dir, 'vk_swiftshader_icd.json');
  const loader = join(dir, 'libvulkan.so.1');
  if (!existsSync(icd) || !existsSync(loader)) {
    return {
      dir,
      added: false,
      problem: `${SWIFTSHADER_ENV}=${dir} has no vk_swiftshader_icd.json and libvulkan.so.1 (run tools/scripts/install-swiftshader.sh)`,
    };
  }
  if (env.VK_ICD_FILENAMES) return { dir, added: false, problem: null };
  const added = (env.VK_ADD_DRIVER_FILES ?? '').split(':').filter((p) => p !== '');
  if (!added.includes(icd)) env.VK_ADD_DRIVER_FILES = [...added, icd].join(':');
  try {
    // Not an addon: Node maps it, finds no module registration and throws; RTLD_NODELETE keeps it mapped.
    process.dlopen({ exports: {} }, loader, 2 /* RTLD_NOW */ | 256 /* RTLD_GLOBAL */ | RTLD_NODELETE);
  } catch {
    // expected ("Module did not self-register")
  }
  return { dir, added: true, problem: null };
}
