/**
 * The state of the `CoinAdamStep` kernels: their moment estimates m and v, kept between calls under the
 * `stateId` attribute, in one store per implementation (cpu: WebAssembly memory; composed: tensors). A
 * caller takes a fresh id with {@link newAdamStateId} for each weight it optimises and frees the moments of
 * every store with {@link disposeAdamState}. Kernels keep this state, rather than taking m and v as inputs
 * and outputs, so that the cpu kernel's moments stay in the module's memory between steps: tensor inputs
 * would cost two more copies of each in and out per step.
 */

const stores: Map<number, object>[] = [];
let lastId = 0;

/**
 * A new store of moments, by state id, for one implementation of the kernel (made once, at module load).
 * @returns the store, which {@link disposeAdamState} empties id by id (calling the state's `dispose` method,
 *   if it has one, before dropping it)
 */
export function adamStateStore<T extends object>(): Map<number, T> {
  const store = new Map<number, T>();
  stores.push(store);
  return store;
}

/** A state id not used before in this process, for the `stateId` attribute of `CoinAdamStep`. */
export function newAdamStateId(): number {
  lastId += 1;
  return lastId;
}

/** Frees the moments kept under `stateId` in every store (a no-op for an id without any). */
export function disposeAdamState(stateId: number): void {
  for (const store of stores) {
    (store.get(stateId) as { dispose?: () => void } | undefined)?.dispose?.();
    store.delete(stateId);
  }
}
