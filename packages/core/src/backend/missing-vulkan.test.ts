import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingVulkan, VULKAN_LOADER } from './missing-vulkan.js';
import { findWebGpuAdapter } from './webgpu-node.js';

/** An environment whose every manifest folder is under a fresh empty temporary folder. */
function emptyEnv(): { root: string; env: NodeJS.ProcessEnv } {
  const root = mkdtempSync(join(tmpdir(), 'coin-vk-'));
  return {
    root,
    env: {
      HOME: root,
      XDG_CONFIG_DIRS: join(root, 'etc-xdg'),
      XDG_DATA_DIRS: join(root, 'share'),
    },
  };
}
const opens = (): null => null;

describe('missingVulkan', () => {
  it('names the loader and its dlopen error when libvulkan.so.1 does not open', () => {
    const { env } = emptyEnv();
    const tried: string[] = [];
    const reason = missingVulkan({
      env,
      platform: 'linux',
      openLibrary: (name) => {
        tried.push(name);
        return `${name}: cannot open shared object file`;
      },
    });
    expect(tried).toEqual([VULKAN_LOADER]);
    expect(reason).toBe('no Vulkan loader (libvulkan.so.1: cannot open shared object file)');
  });

  it('reports a missing driver manifest when the loader opens, and finds one in the data folders', () => {
    const { root, env } = emptyEnv();
    expect(missingVulkan({ env, platform: 'linux', openLibrary: opens })).toMatch(
      /^no Vulkan driver manifest \(ICD \.json\) in .*share\/vulkan\/icd\.d$/,
    );
    mkdirSync(join(root, 'share/vulkan/icd.d'), { recursive: true });
    writeFileSync(join(root, 'share/vulkan/icd.d/vendor_icd.json'), '{}');
    expect(missingVulkan({ env, platform: 'linux', openLibrary: opens })).toBeNull();
  });

  it('reads only VK_ICD_FILENAMES when set, and VK_ADD_DRIVER_FILES besides the folders', () => {
    const { root, env } = emptyEnv();
    const icd = join(root, 'sw_icd.json');
    writeFileSync(icd, '{}');
    expect(
      missingVulkan({ env: { ...env, VK_ADD_DRIVER_FILES: icd }, platform: 'linux', openLibrary: opens }),
    ).toBeNull();
    expect(
      missingVulkan({ env: { ...env, VK_ICD_FILENAMES: icd }, platform: 'linux', openLibrary: opens }),
    ).toBeNull();
    expect(
      missingVulkan({
        env: { ...env, VK_ICD_FILENAMES: join(root, 'none.json') },
        platform: 'linux',
        openLibrary: opens,
      }),
    ).toBe(`no Vulkan driver manifest (ICD .json) in ${join(root, 'none.json')}`);
  });

  it('checks nothing on Windows and macOS (Dawn uses D3D12 / Metal)', () => {
    const fail = (): string => 'must not be called';
    expect(missingVulkan({ platform: 'win32', openLibrary: fail })).toBeNull();
    expect(missingVulkan({ platform: 'darwin', openLibrary: fail })).toBeNull();
  });

  it("opens the real loader in this process: a library that is not there is reported with dlopen's error", () => {
    const { env } = emptyEnv();
    // the real openLibrary: process.dlopen of libvulkan.so.1
    const reason = missingVulkan({ env, platform: 'linux' });
    // either this machine has no loader (the dlopen error) or it has one and the empty folders hold no manifest
    expect(reason).toMatch(
      /^no Vulkan (loader \(libvulkan\.so\.1: cannot open shared object file|driver manifest)/,
    );
  });
});

describe('findWebGpuAdapter', () => {
  it('decides "no Vulkan" without loading Dawn when no loader is findable', async () => {
    const { env } = emptyEnv();
    let dawnImported = false;
    const probe = await findWebGpuAdapter({
      missingVulkan: () =>
        missingVulkan({ env, platform: 'linux', openLibrary: (name) => `${name}: not found` }),
      importDawn: async () => {
        dawnImported = true;
        return {};
      },
    });
    expect(dawnImported).toBe(false);
    expect(probe.ok).toBe(false);
    expect(!probe.ok && probe.reason).toContain(
      'WebGPU found no Vulkan driver: no Vulkan loader (libvulkan.so.1: not found)',
    );
    expect(!probe.ok && probe.reason).toContain('tools/scripts/install-swiftshader.sh');
  });
});
