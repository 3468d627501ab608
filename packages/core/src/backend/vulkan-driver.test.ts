import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addSoftwareVulkanDriver, SWIFTSHADER_ENV } from './vulkan-driver.js';

describe('addSoftwareVulkanDriver', () => {
  it('does nothing when no folder is named', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(addSoftwareVulkanDriver(env)).toEqual({ dir: null, added: false, problem: null });
    expect(env).toEqual({});
  });

  it('names the install script when the folder lacks the driver', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coin-vk-'));
    const env: NodeJS.ProcessEnv = { [SWIFTSHADER_ENV]: dir };
    const result = addSoftwareVulkanDriver(env);
    expect(result.added).toBe(false);
    expect(result.problem).toContain(`${SWIFTSHADER_ENV}=${dir} has no vk_swiftshader_icd.json`);
    expect(result.problem).toContain('tools/scripts/install-swiftshader.sh');
    expect(env.VK_ADD_DRIVER_FILES).toBeUndefined();
  });

  it("appends the ICD to the loader's added drivers, once, and leaves VK_ICD_FILENAMES alone", () => {
    const dir = mkdtempSync(join(tmpdir(), 'coin-vk-'));
    writeFileSync(join(dir, 'vk_swiftshader_icd.json'), '{}');
    writeFileSync(join(dir, 'libvulkan.so.1'), ''); // not a library: the preload fails quietly
    const env: NodeJS.ProcessEnv = { [SWIFTSHADER_ENV]: dir, VK_ADD_DRIVER_FILES: '/vendor.json' };
    expect(addSoftwareVulkanDriver(env)).toEqual({ dir, added: true, problem: null });
    expect(addSoftwareVulkanDriver(env).added).toBe(true);
    expect(env.VK_ADD_DRIVER_FILES).toBe(`/vendor.json:${join(dir, 'vk_swiftshader_icd.json')}`);
    const own: NodeJS.ProcessEnv = { [SWIFTSHADER_ENV]: dir, VK_ICD_FILENAMES: '/mine.json' };
    expect(addSoftwareVulkanDriver(own).added).toBe(false);
    expect(own.VK_ADD_DRIVER_FILES).toBeUndefined();
  });
});
