import { vi } from 'vitest';
import { createProgram } from '../program.js';

/**
 * Runs `coin …` in-process, commander's errors thrown as exceptions (their output silenced); resolves to what
 * the command wrote to stdout.
 */
export async function runCoin(args: readonly string[]): Promise<string> {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  const program = createProgram().exitOverride();
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  }
  try {
    await program.parseAsync(['node', 'coin', ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  return chunks.join('');
}
