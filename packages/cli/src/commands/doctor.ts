import { type BackendsReport, describeBackends } from '@coin-gnn/core';
import type { Command } from 'commander';

/** The human report of `coin doctor`: one line per backend, then what `auto` picks and the versions. */
export function doctorReport(report: BackendsReport): string {
  const width = Math.max(...report.backends.map((b) => b.name.length));
  return [
    ...report.backends.map(
      (b) => `${b.name.padEnd(width)}  ${b.available ? 'ok    ' : 'absent'}  ${b.detail}`,
    ),
    `auto picks ${report.auto}${report.autoNote ? ` (${report.autoNote.replace(/^coin-gnn: /, '')})` : ''}`,
    `node ${report.versions.node}, tfjs ${report.versions.tfjs}` +
      (report.swiftshaderDir ? `, SwiftShader from ${report.swiftshaderDir}` : ''),
  ].join('\n');
}

/** Registers `coin doctor`: which tensor backends load here, and why the others do not. */
export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('which tensor backends load here (packages, Vulkan driver, GPU adapter) and why not')
    .option('--json', 'print one JSON object and nothing else')
    .action(async (opts: { json?: boolean }) => {
      const report = await describeBackends();
      process.stdout.write(`${opts.json ? JSON.stringify(report, null, 2) : doctorReport(report)}\n`);
    });
}
