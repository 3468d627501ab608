/**
 * Turns the error of `import(packageName)` into what is missing and what to do, one phrase:
 * not installed → the `pnpm add` line; installed without its native addon (its install script, which downloads
 * libtensorflow, did not run or failed) → how to build it; for the GPU build, missing CUDA / cuDNN shared
 * libraries → the versions libtensorflow 2.x needs (CUDA 11.2, cuDNN 8.1); anything else → the original
 * message.
 */
export function explainLoadFailure(packageName: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const notFound =
    code === 'ERR_MODULE_NOT_FOUND' ||
    code === 'MODULE_NOT_FOUND' ||
    /Cannot find (package|module)|Failed to (load|resolve)/i.test(message);
  if (notFound && message.includes(packageName)) {
    return `${packageName} is not installed (run \`pnpm add ${packageName}\`)`;
  }
  if (/tfjs_binding\.node/.test(message) && /can ?not be found|cannot find/i.test(message)) {
    return (
      `${packageName} is installed but its native addon was not built: its install script downloads ` +
      `libtensorflow (allow it in pnpm's onlyBuiltDependencies, then run \`pnpm rebuild ${packageName}\` ` +
      'with internet access)'
    );
  }
  if (/libcud|libcublas|libcufft|libcurand|libcusolver|libcusparse|cuda/i.test(message)) {
    return (
      `${packageName} is installed but the CUDA 11.2 / cuDNN 8.1 libraries it needs are missing ` +
      `(install them and put them on LD_LIBRARY_PATH, or use @tensorflow/tfjs-node): ${firstLine(message)}`
    );
  }
  return `${packageName} failed to load: ${firstLine(message)}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
