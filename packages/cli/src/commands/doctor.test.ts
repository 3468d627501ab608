import { describe, expect, it } from 'vitest';
import { doctorReport } from './doctor.js';

describe('doctorReport', () => {
  it('prints one aligned line per backend, what auto picks and why, and the versions', () => {
    const text = doctorReport({
      backends: [
        { name: 'cpu', available: true, detail: '@tensorflow/tfjs-backend-cpu@4.22.0' },
        { name: 'webgl', available: false, detail: "'webgl' runs in a browser" },
      ],
      auto: 'cpu',
      autoNote: 'coin-gnn: using the pure-JS cpu backend (webgpu: software only)',
      versions: { node: '20.0.0', tfjs: '4.22.0' },
      swiftshaderDir: '/x',
    });
    expect(text.split('\n')).toEqual([
      'cpu    ok      @tensorflow/tfjs-backend-cpu@4.22.0',
      "webgl  absent  'webgl' runs in a browser",
      'auto picks cpu (using the pure-JS cpu backend (webgpu: software only))',
      'node 20.0.0, tfjs 4.22.0, SwiftShader from /x',
    ]);
  });
});
