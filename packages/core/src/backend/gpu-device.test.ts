import { describe, expect, it } from 'vitest';
import { missingGpuDevice } from './gpu-device.js';

const lister =
  (folders: Record<string, string[]>) =>
  (dir: string): readonly string[] =>
    folders[dir] ?? [];

describe('missingGpuDevice', () => {
  it('finds a DRM render node, an NVIDIA device or the WSL GPU on Linux', () => {
    const cases: Record<string, string[]>[] = [
      { '/dev/dri': ['card0', 'renderD128'] },
      { '/dev': ['null', 'nvidiactl', 'nvidia0', 'nvidia-uvm'] },
      { '/dev': ['dxg'] },
    ];
    for (const folders of cases) {
      expect(missingGpuDevice({ platform: 'linux', listDir: lister(folders) })).toBeNull();
    }
  });

  it('says what is missing when only non-GPU files are there (a card node alone, nvidiactl alone)', () => {
    const missing = missingGpuDevice({
      platform: 'linux',
      listDir: lister({ '/dev/dri': ['card0'], '/dev': ['null', 'nvidiactl', 'nvidia-modeset'] }),
    });
    expect(missing).toBe('no GPU device file (/dev/dri/renderD*, /dev/nvidia[0-9]*, /dev/dxg)');
  });

  it('checks Linux only', () => {
    expect(missingGpuDevice({ platform: 'darwin', listDir: () => [] })).toBeNull();
    expect(missingGpuDevice({ platform: 'win32', listDir: () => [] })).toBeNull();
  });
});
