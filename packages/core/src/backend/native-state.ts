/** Which native TensorFlow package {@link selectBackend} loaded, if any (read by `describeBackend`). */
export const nativeState: { packageName: string | null } = { packageName: null };
