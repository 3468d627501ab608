import * as tf from '@tensorflow/tfjs-core';
import type { SegmentAttrs, SegmentInputs } from '../../kernel-names.js';

/**
 * Per-segment maximum of rows, m_i = max_{r: seg_r = i} X_r (0 for an empty segment), from tfjs ops, which
 * have no segment max: the rows sorted by segment (`topk`), an inclusive max scan within segments in
 * ⌈log₂ m⌉ doubling steps (Hillis–Steele: m_r ← max(m_r, m_{r−k}) where seg_{r−k} = seg_r), then the last
 * row of each segment summed into place. The sort key is the segment id as float32, exact below 2²⁴
 * segments (16.7 million nodes).
 */
export function segmentMax(x: tf.Tensor2D, segmentIds: tf.Tensor1D, numSegments: number): tf.Tensor2D {
  const m = x.shape[0];
  if (m === 0) return tf.zeros([numSegments, x.shape[1]]);
  const order = tf.topk(tf.neg(tf.cast(segmentIds, 'float32')), m, true).indices;
  const seg = tf.gather(segmentIds, order);
  let scan = tf.gather(x, order) as tf.Tensor2D;
  const positions = tf.range(0, m, 1, 'int32');
  const int = (v: number) => tf.scalar(v, 'int32');
  for (let k = 1; k < m; k *= 2) {
    const previous = tf.maximum(tf.sub(positions, int(k)), int(0));
    const same = tf.logicalAnd(tf.greaterEqual(positions, int(k)), tf.equal(tf.gather(seg, previous), seg));
    const mask = tf.broadcastTo(tf.expandDims(same, 1), scan.shape);
    scan = tf.where(mask, tf.maximum(scan, tf.gather(scan, previous)), scan) as tf.Tensor2D;
  }
  const next = tf.minimum(tf.add(positions, int(1)), int(m - 1));
  const last = tf.logicalOr(tf.equal(positions, int(m - 1)), tf.notEqual(tf.gather(seg, next), seg));
  const lastRows = tf.where(tf.broadcastTo(tf.expandDims(last, 1), scan.shape), scan, tf.zerosLike(scan));
  return tf.unsortedSegmentSum(lastRows, seg, numSegments) as tf.Tensor2D;
}

/** `CoinSegmentMax` composed from tfjs ops: {@link segmentMax}. */
export function segmentMaxComposed(args: { inputs: SegmentInputs; attrs: SegmentAttrs }): tf.Tensor2D {
  const { inputs, attrs } = args;
  return tf.tidy(() =>
    segmentMax(inputs.x as tf.Tensor2D, inputs.segmentIds as tf.Tensor1D, attrs.numSegments),
  );
}
