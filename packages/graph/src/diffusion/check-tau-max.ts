import { InvalidArgumentError } from '../errors.js';

/** Throws unless `tauMax` is a positive finite number (shared by the FED and sub-stepping functions). */
export function checkTauMax(fn: string, tauMax: number): void {
  if (!(tauMax > 0) || !Number.isFinite(tauMax)) {
    throw new InvalidArgumentError(fn, 'tauMax', tauMax, 'a positive finite number');
  }
}
