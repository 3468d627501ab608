/**
 * Values produced by {@link readPickle}.
 *
 * Python → JavaScript: `None` → `null`; `bool` → `boolean`; `int` → `number` (or `bigint` beyond 2⁵³);
 * `float` → `number`; Python 2 `str` → `string` decoded as Latin-1 (one character per byte, as
 * `pickle.load(f, encoding='latin1')` does in Python 3); `unicode` → `string`; `bytes` → `Uint8Array`;
 * `list` → array; `tuple` → frozen array; `dict` and `collections.defaultdict` → `Map`; a reconstructed object
 * (`REDUCE`, `NEWOBJ`, `BUILD`) → {@link PickleObject}; a class or function reference → {@link PickleGlobal}.
 */
export type PickleValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PickleValue[]
  | readonly PickleValue[]
  | PickleDict
  | PickleObject
  | PickleGlobal;

/** Keys a pickled dict may have here (hashable scalars). */
export type PickleKey = null | boolean | number | bigint | string;

/** A pickled `dict` (or `defaultdict`, whose default factory is dropped). */
export type PickleDict = Map<PickleKey, PickleValue>;

/** A reference to a Python class or function, `module name` as the `GLOBAL` opcode spells it. */
export class PickleGlobal {
  constructor(
    readonly module: string,
    readonly name: string,
  ) {}

  /** `module name`, e.g. `numpy dtype`. */
  get qualifiedName(): string {
    return `${this.module} ${this.name}`;
  }
}

/**
 * An object rebuilt by `REDUCE` (`callable(*args)`) or `NEWOBJ` (`cls.__new__(cls, *args)`), with the state
 * later given by `BUILD` (`obj.__setstate__(state)`), kept uninterpreted: converters such as
 * {@link pickledNdarray} read `type`, `args` and `state`.
 */
export class PickleObject {
  /** The state passed by `BUILD`; `undefined` when the pickle has none. */
  state: PickleValue | undefined = undefined;

  constructor(
    readonly type: PickleGlobal,
    readonly args: readonly PickleValue[],
  ) {}
}
