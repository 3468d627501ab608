/** Canvas drawings of the example: the graph coloured by class probabilities, and line charts. */

/** One colour per class (Tableau 10), as RGB. */
export const PALETTE: readonly (readonly [number, number, number])[] = [
  [78, 121, 167],
  [242, 142, 43],
  [225, 87, 89],
  [118, 183, 178],
  [89, 161, 79],
  [237, 201, 72],
  [176, 122, 161],
  [255, 157, 167],
  [156, 117, 95],
  [186, 176, 172],
];

/** Node positions in canvas pixels and the graph's edges (each undirected edge once). */
export interface GraphPicture {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly edges: Int32Array;
  /** Nodes drawn with a ring (the training nodes). */
  readonly ringed: Uint8Array;
}

/**
 * Draws the graph: edges in light grey, node i in the colour of its most probable class c* = argmax_c p_ic,
 * faded towards white as the prediction gets less certain: opacity 0.15 + 0.85·√κ with the confidence
 * κ = (p_ic* − 1/C)/(1 − 1/C) clamped to [0, 1] (0 for uniform probabilities, 1 for a one-hot row);
 * ringed nodes outlined.
 * @param probabilities - numNodes × numClasses, row-major
 */
export function drawGraph(
  canvas: HTMLCanvasElement,
  picture: GraphPicture,
  probabilities: Float32Array,
  numClasses: number,
): void {
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.strokeStyle = 'rgba(0, 0, 0, 0.08)';
  context.lineWidth = 0.5;
  context.beginPath();
  for (let e = 0; e < picture.edges.length; e += 2) {
    const [a, b] = [picture.edges[e], picture.edges[e + 1]];
    context.moveTo(picture.x[a], picture.y[a]);
    context.lineTo(picture.x[b], picture.y[b]);
  }
  context.stroke();
  for (let i = 0; i < picture.x.length; i++) {
    let best = 0;
    for (let c = 1; c < numClasses; c++) {
      if (probabilities[i * numClasses + c] > probabilities[i * numClasses + best]) best = c;
    }
    const uniform = 1 / numClasses;
    const confidence = Math.min(
      1,
      Math.max(0, (probabilities[i * numClasses + best] - uniform) / (1 - uniform)),
    );
    const [r, g, b] = PALETTE[best % PALETTE.length];
    context.fillStyle = `rgba(${r}, ${g}, ${b}, ${0.15 + 0.85 * Math.sqrt(confidence)})`;
    context.beginPath();
    context.arc(picture.x[i], picture.y[i], picture.ringed[i] ? 4 : 2.6, 0, 2 * Math.PI);
    context.fill();
    if (picture.ringed[i]) {
      context.strokeStyle = '#000';
      context.lineWidth = 1;
      context.stroke();
    }
  }
}

/** A line series of a chart. */
export interface Series {
  readonly label: string;
  readonly values: readonly number[];
  readonly color: string;
}

/**
 * A line chart of values in [0, 1] against their index (starting at `firstX`), with a grid every 0.2 and a
 * legend; an optional marker at index `marked`.
 */
export function drawChart(
  canvas: HTMLCanvasElement,
  series: readonly Series[],
  xLabel: string,
  firstX = 1,
  marked?: number,
): void {
  const context = canvas.getContext('2d')!;
  const [left, right, top, bottom] = [36, 10, 10, 30];
  const width = canvas.width - left - right;
  const height = canvas.height - top - bottom;
  const count = Math.max(2, ...series.map((s) => s.values.length));
  const px = (i: number) => left + (i / (count - 1)) * width;
  const py = (v: number) => top + (1 - Math.min(1, Math.max(0, v))) * height;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.font = '11px system-ui, sans-serif';
  context.strokeStyle = '#e5e5e5';
  context.fillStyle = '#666';
  for (let v = 0; v <= 1.0001; v += 0.2) {
    context.beginPath();
    context.moveTo(left, py(v));
    context.lineTo(left + width, py(v));
    context.stroke();
    context.fillText(v.toFixed(1), 6, py(v) + 4);
  }
  context.fillText(`${xLabel} ${firstX}…${firstX + count - 1}`, left, canvas.height - 8);
  if (marked !== undefined) {
    context.strokeStyle = '#999';
    context.beginPath();
    context.moveTo(px(marked), top);
    context.lineTo(px(marked), top + height);
    context.stroke();
  }
  series.forEach((s, n) => {
    context.strokeStyle = s.color;
    context.lineWidth = 2;
    context.beginPath();
    for (const [i, v] of s.values.entries()) {
      if (i === 0) context.moveTo(px(i), py(v));
      else context.lineTo(px(i), py(v));
    }
    context.stroke();
    context.fillStyle = s.color;
    context.fillText(s.label, left + width - 150, top + 14 + 14 * n);
  });
}
