/**
 * A Vega-Lite filter transform that keeps the rows of one layer. The charts put every mark's rows in one
 * inline dataset, each row tagged with a `layer` field, and each mark filters its own:
 * $$ \{ r : r.\mathrm{layer} = \mathrm{name} \} $$
 * @param name - the layer's tag
 */
export function layerFilter(name: string): { filter: string } {
  return { filter: `datum.layer === '${name}'` };
}
