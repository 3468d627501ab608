import { describe, expect, it } from 'vitest';
import { createProgram } from './program.js';

describe('createProgram', () => {
  it('prints help naming the tool', () => {
    const help = createProgram().helpInformation();
    expect(help).toContain('Usage: coin');
    expect(help).toContain('convection-diffusion');
  });
});
