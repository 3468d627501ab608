import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { align16, KERNELS_WASM_URL, WasmInstance } from './runtime.js';

describe('WasmInstance', () => {
  it('loads the module that build:wasm compiled, with the kernels of every source', () => {
    const bytes = readFileSync(KERNELS_WASM_URL);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x00, 0x61, 0x73, 0x6d]);
    const { kernels } = new WasmInstance();
    for (const name of ['spmm', 'dense', 'thin', 'adam'] as const)
      expect(kernels[name]).toBeTypeOf('function');
  });

  it('grows its memory by whole pages, keeping the contents, and never shrinks it', () => {
    const wasm = new WasmInstance(10);
    expect(wasm.byteLength).toBe(65536);
    wasm.write(16, Float32Array.from([1.5, -2]));
    wasm.reserve(3 * 65536 + 1);
    expect(wasm.byteLength).toBe(4 * 65536);
    expect(Array.from(wasm.f32(16, 2))).toEqual([1.5, -2]);
    wasm.reserve(100);
    expect(wasm.byteLength).toBe(4 * 65536);
  });

  it('gives each instance a memory of its own', () => {
    const [a, b] = [new WasmInstance(), new WasmInstance()];
    a.write(0, Int32Array.from([7]));
    b.write(0, Int32Array.from([9]));
    expect([a.i32(0, 1)[0], b.i32(0, 1)[0]]).toEqual([7, 9]);
  });

  it('copies rows in with zero padding and out without it', () => {
    const wasm = new WasmInstance();
    const source = Float32Array.from([1, 2, 3, 4, 5, 6]);
    wasm.f32(32, 8).fill(Number.NaN);
    wasm.writeRows(32, source, 2, 3, 4);
    expect(Array.from(wasm.f32(32, 8))).toEqual([1, 2, 3, 0, 4, 5, 6, 0]);
    expect(Array.from(wasm.readRows(32, 2, 3, 4))).toEqual([1, 2, 3, 4, 5, 6]);
    const target = new Float32Array(6);
    expect(wasm.readRows(32, 2, 3, 4, target)).toBe(target);
    wasm.writeRows(64, source, 2, 3, 3);
    expect(Array.from(wasm.readRows(64, 2, 3, 3))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('copies a block of columns in with zero padding and out into those columns only', () => {
    const wasm = new WasmInstance();
    const source = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]); // 2 × 4
    wasm.f32(32, 6).fill(Number.NaN);
    wasm.writeColumns(32, source, 2, 4, 1, 2, 3);
    expect(Array.from(wasm.f32(32, 6))).toEqual([2, 3, 0, 6, 7, 0]);
    const target = Float32Array.from([-1, -1, -1, -1, -1, -1, -1, -1]);
    wasm.readColumns(32, 2, 4, 1, 2, 3, target);
    expect(Array.from(target)).toEqual([-1, 2, 3, -1, -1, 6, 7, -1]);
    wasm.writeColumns(64, source, 2, 4, 3, 1, 1);
    expect(Array.from(wasm.f32(64, 2))).toEqual([4, 8]);
  });

  it('aligns offsets to 16 bytes', () => {
    expect([0, 1, 16, 17].map(align16)).toEqual([0, 16, 16, 32]);
  });
});

describe('the runtime outside Node', () => {
  it("names the GPU backends to use instead when Node's fs cannot be reached (a browser)", async () => {
    vi.resetModules();
    const { getBuiltinModule } = process;
    Object.assign(process, { getBuiltinModule: undefined });
    try {
      const fresh = await import('./runtime.js');
      expect(() => new fresh.WasmInstance()).toThrow(
        /lacks; in a browser select the 'webgl' or 'webgpu' backend/,
      );
    } finally {
      Object.assign(process, { getBuiltinModule });
    }
  });
});
