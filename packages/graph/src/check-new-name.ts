import { InvalidArgumentError } from './errors.js';

/**
 * Checks a name given to a registry (models, operators, datasets): a non-empty string not yet taken.
 * @param fn - the registering function, named in the error
 * @param name - the name asked for
 * @param taken - the names already registered
 * @throws {@link InvalidArgumentError} otherwise
 */
export function checkNewName(fn: string, name: unknown, taken: Iterable<string>): void {
  if (typeof name !== 'string' || name === '' || [...taken].includes(name)) {
    throw new InvalidArgumentError(fn, 'name', name, 'a new, non-empty name');
  }
}
