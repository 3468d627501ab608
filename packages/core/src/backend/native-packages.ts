/**
 * The native tfjs backends, tried in this order: CUDA first, then the CPU build of libtensorflow. Both are
 * optional peer dependencies of @coin-gnn/core; each registers the backend 'tensorflow' when imported.
 */
export const NATIVE_PACKAGES: readonly string[] = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'];
