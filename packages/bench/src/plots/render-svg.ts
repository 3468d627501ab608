import type { TopLevelSpec } from 'vega-lite';

/**
 * Renders a Vega-Lite specification to an SVG document in Node, with no browser or canvas: the spec is
 * compiled to Vega, parsed, and drawn by a headless `View` (`renderer: 'none'`). Text widths are estimated,
 * so labels may sit a few pixels off compared with a browser. Vega and Vega-Lite load on the first call (about
 * 28 MB resident), not with the package, so `coin train` does not carry them.
 *
 * @param spec - a Vega-Lite 5 top-level specification with inline data
 * @returns the SVG markup, starting with `<svg`
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return renumberGradients(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * Vega names the gradients of a drawing `gradient_<n>` from a counter of the whole process, so the same
 * chart drawn after another came out with other ids; renumbered 0, 1, … in order of first appearance, a
 * chart's SVG depends on the chart alone (regenerated figures do not change when their data did not).
 */
function renumberGradients(svg: string): string {
  const ids = new Map<string, number>();
  return svg.replace(/\bgradient_(\d+)\b/g, (_, n: string) => {
    if (!ids.has(n)) ids.set(n, ids.size);
    return `gradient_${ids.get(n)}`;
  });
}
