/** Where {@link missingGpuDevice} looks: the platform and how to list a folder. */
export interface GpuDeviceLookup {
  /** The platform (default `process.platform`); only Linux is checked. */
  readonly platform?: NodeJS.Platform;
  /** Lists a folder's entries, or [] when it does not exist (default: `fs.readdirSync`). */
  readonly listDir?: (dir: string) => readonly string[];
}

/** The device files through which a Linux process reaches a GPU: DRM render nodes, NVIDIA's, WSL's. */
const GPU_DEVICE_FILES = '/dev/dri/renderD*, /dev/nvidia[0-9]*, /dev/dxg';

/**
 * Says, without loading Dawn, that this Linux machine has no GPU a hardware WebGPU adapter could run on: no
 * DRM render node (`/dev/dri/renderD*`: Intel, AMD and others), no NVIDIA device (`/dev/nvidia0`, …) and no
 * WSL GPU (`/dev/dxg`). `auto` then skips the WebGPU probe, which would load Dawn and the system's Vulkan
 * drivers (tens of MB of resident memory for the whole run) only to find a software adapter it refuses.
 * Other platforms: null (not checked). Node only.
 *
 * @returns what is missing, one phrase, or null when a GPU device file is there
 */
export function missingGpuDevice(lookup: GpuDeviceLookup = {}): string | null {
  if ((lookup.platform ?? process.platform) !== 'linux') return null;
  const list = lookup.listDir ?? listDir;
  const found =
    list('/dev/dri').some((name) => name.startsWith('renderD')) ||
    list('/dev').some((name) => /^nvidia\d+$/.test(name) || name === 'dxg');
  return found ? null : `no GPU device file (${GPU_DEVICE_FILES})`;
}

function listDir(dir: string): readonly string[] {
  try {
    return process.getBuiltinModule('node:fs').readdirSync(dir);
  } catch {
    return [];
  }
}
