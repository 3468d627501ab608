/** The Vulkan loader's file name, which Dawn opens with `dlopen` on Linux. */
export const VULKAN_LOADER = 'libvulkan.so.1';

/** Where {@link missingVulkan} looks: the environment, the platform, and how to try opening a library. */
export interface VulkanLookup {
  /** The environment (default `process.env`): `VK_ICD_FILENAMES`, `VK_DRIVER_FILES`, `VK_ADD_DRIVER_FILES`, XDG dirs, HOME. */
  readonly env?: NodeJS.ProcessEnv;
  /** The platform (default `process.platform`); only Linux and other Unix-likes have Dawn load Vulkan this way. */
  readonly platform?: NodeJS.Platform;
  /** Tries to open a shared library by name in this process: null when it opens, else the loader's error. */
  readonly openLibrary?: (name: string) => string | null;
}

/**
 * Says, without loading Dawn, why Dawn would find no Vulkan here, so that `auto` never makes Dawn print its
 * native "Couldn't load Vulkan" or "Found no drivers" warnings: the Vulkan loader ({@link VULKAN_LOADER}) must
 * open in this process (searched as Dawn's `dlopen` searches: already loaded, `LD_LIBRARY_PATH`, the linker
 * cache, the system folders), and a driver manifest (ICD `.json`) must exist where the loader looks
 * (`VK_ICD_FILENAMES` / `VK_DRIVER_FILES` when set, else `VK_ADD_DRIVER_FILES` and `vulkan/icd.d` under
 * `XDG_CONFIG_HOME`, `XDG_CONFIG_DIRS`, `/etc`, `XDG_DATA_HOME`, `XDG_DATA_DIRS`). Windows and macOS need
 * neither (Dawn uses D3D12 / Metal there): null. In-process only (no child process), Node only.
 * @returns what is missing, one phrase, or null when both are there
 */
export function missingVulkan(lookup: VulkanLookup = {}): string | null {
  const env = lookup.env ?? process.env;
  const platform = lookup.platform ?? process.platform;
  if (platform === 'win32' || platform === 'darwin') return null;
  const loaderError = (lookup.openLibrary ?? openLibrary)(VULKAN_LOADER);
  if (loaderError !== null) return `no Vulkan loader (${loaderError})`;
  const places = driverManifestPlaces(env);
  if (!places.some(hasManifest)) return `no Vulkan driver manifest (ICD .json) in ${places.join(', ')}`;
  return null;
}

/** The files and folders the Vulkan loader reads driver manifests from, in its order. */
function driverManifestPlaces(env: NodeJS.ProcessEnv): string[] {
  const list = (value: string | undefined): string[] => (value ?? '').split(':').filter((p) => p !== '');
  const override = list(env.VK_DRIVER_FILES ?? env.VK_ICD_FILENAMES);
  if (override.length > 0) return override;
  const home = env.HOME ?? '';
  const configDirs = [
    env.XDG_CONFIG_HOME ?? `${home}/.config`,
    ...list(env.XDG_CONFIG_DIRS ?? '/etc/xdg'),
    '/etc',
    '/usr/local/etc',
  ];
  const dataDirs = [
    env.XDG_DATA_HOME ?? `${home}/.local/share`,
    ...list(env.XDG_DATA_DIRS ?? '/usr/local/share:/usr/share'),
  ];
  return [
    ...list(env.VK_ADD_DRIVER_FILES),
    ...[...configDirs, ...dataDirs].map((dir) => `${dir}/vulkan/icd.d`),
  ];
}

/** Whether a place is a manifest file, or a folder holding one. */
function hasManifest(place: string): boolean {
  const { existsSync, readdirSync, statSync } = process.getBuiltinModule('node:fs');
  if (!existsSync(place)) return false;
  if (!statSync(place).isDirectory()) return place.endsWith('.json');
  return readdirSync(place).some((name) => name.endsWith('.json'));
}

/**
 * Opens a shared library by name with the process's own `dlopen` (through `process.dlopen`: the library is not
 * an addon, so Node closes it again and throws "did not self-register" once it opened).
 */
function openLibrary(name: string): string | null {
  try {
    process.dlopen({ exports: {} }, name, 1 /* RTLD_LAZY */);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return /did not self-register/.test(message) ? null : message;
  }
}
