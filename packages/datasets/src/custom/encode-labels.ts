import { InvalidArgumentError } from '@coin-gnn/graph';

/** Class ids of node labels and the class name of each id. */
export interface EncodedLabels {
  /** Class of each node, in [0, classNames.length). */
  readonly labels: Int32Array;
  /** `classNames[c]` is the label value of class c, as a string. */
  readonly classNames: string[];
}

/**
 * Class ids for label values of any kind (numbers or strings, as read from a table or a node attribute):
 * $$ \text{label}_i = \operatorname{rank}(v_i) \text{ among the distinct values, sorted} $$
 * numerically when every value is a number, else as strings. Integer labels 0 … C−1 keep their values.
 *
 * @param values - one label per node
 * @param source - what the values are (named in errors, e.g. `"node attribute 'label'"`)
 * @throws {@link InvalidArgumentError} for a missing value (undefined, null, '' or NaN), naming the node
 */
export function encodeLabels(values: ArrayLike<unknown>, source: string): EncodedLabels {
  const keys: (string | number)[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const missing =
      v === undefined || v === null || v === '' || (typeof v === 'number' && !Number.isFinite(v));
    if (missing || (typeof v !== 'number' && typeof v !== 'string')) {
      throw new InvalidArgumentError(
        'encodeLabels',
        `${source} of node ${i}`,
        v,
        'a label (a number or a string)',
      );
    }
    keys.push(v);
  }
  const numeric = keys.every((k) => typeof k === 'number');
  const distinct = [...new Set(keys.map((k) => (numeric ? k : String(k))))];
  distinct.sort(numeric ? (a, b) => (a as number) - (b as number) : undefined);
  const id = new Map(distinct.map((k, c) => [k, c]));
  return {
    labels: Int32Array.from(keys, (k) => id.get(numeric ? k : String(k)) as number),
    classNames: distinct.map(String),
  };
}
