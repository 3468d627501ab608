/**
 * A decoded NumPy array, always in C (row-major) order and native byte order.
 *
 * dtype ← NumPy type string: `float32` ← f4, `float64` ← f8, `int8` ← i1, `int16` ← i2, `int32` ← i4,
 * `int64` ← i8 (a `BigInt64Array`; see `toInt32Array`), `uint8` ← u1, `bool` ← b1 (a `Uint8Array` of
 * 0/1), `unicode` ← U*n* (an array of strings, trailing NULs removed).
 */
export type NpyArray =
  | { readonly dtype: 'float32'; readonly shape: readonly number[]; readonly data: Float32Array }
  | { readonly dtype: 'float64'; readonly shape: readonly number[]; readonly data: Float64Array }
  | { readonly dtype: 'int8'; readonly shape: readonly number[]; readonly data: Int8Array }
  | { readonly dtype: 'int16'; readonly shape: readonly number[]; readonly data: Int16Array }
  | { readonly dtype: 'int32'; readonly shape: readonly number[]; readonly data: Int32Array }
  | { readonly dtype: 'int64'; readonly shape: readonly number[]; readonly data: BigInt64Array }
  | { readonly dtype: 'uint8'; readonly shape: readonly number[]; readonly data: Uint8Array }
  | { readonly dtype: 'bool'; readonly shape: readonly number[]; readonly data: Uint8Array }
  | { readonly dtype: 'unicode'; readonly shape: readonly number[]; readonly data: string[] };

/** The `dtype` names of {@link NpyArray}. */
export type NpyDtype = NpyArray['dtype'];
