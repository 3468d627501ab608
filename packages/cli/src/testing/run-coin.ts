/**
 * Runs the `coin` program in-process for the CLI tests, stdout captured.
 */
import { vi } from 'vitest';
import { createProgram } from '../program.js';

/** Runs `coin …args` in this process (commander errors thrown); returns what it wrote to stdout. */
export async function runCoin(args: string[]): Promise<string> {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    await createProgram()
      .exitOverride()
      .parseAsync(['node', 'coin', ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  return chunks.join('');
}
