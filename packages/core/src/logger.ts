/**
 * Receives warnings of the library (a diffusion step past its stability bound, …): the CLI prints them,
 * tests collect them. Shared by layers, models and training, so it lives below all of them.
 */
export type Logger = (message: string) => void;

/** The logger that drops every message, the default where none is given. */
export const silentLogger: Logger = () => {};
