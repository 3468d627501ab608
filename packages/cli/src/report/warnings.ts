/**
 * The distinct warnings of a command, each with the number of times it was reported: a model warns once
 * per instance, so `--runs 100` would otherwise print the same line 100 times.
 */
export class Warnings {
  private readonly counts = new Map<string, number>();

  /** Records one report of `message`. */
  add(message: string): void {
    this.counts.set(message, (this.counts.get(message) ?? 0) + 1);
  }

  /** The distinct messages, in the order first reported. */
  messages(): string[] {
    return [...this.counts.keys()];
  }

  /** One line per distinct message, `warning: …`, with ` (reported N times)` when N > 1. */
  lines(): string[] {
    return [...this.counts].map(([m, n]) => `warning: ${m}${n > 1 ? ` (reported ${n} times)` : ''}`);
  }
}
