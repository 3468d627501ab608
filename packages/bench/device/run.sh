#!/usr/bin/env bash
# Device benchmark from the repository, on a machine that reaches the npm registry (device-bench.sh says what
# it measures; make-offline-bundle.sh serves machines that reach none). Installs what it needs: pnpm and the
# workspace's packages, and the Vulkan loader from apt if missing (root).
#
# Usage: packages/bench/device/run.sh [out-dir]            (default: packages/bench/device/results)
# Env:   as device-bench.sh; DEVICE_SOFTWARE=1 also accepts a software adapter (SwiftShader: proves the path,
#        not speed).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
out="${1:-$root/packages/bench/device/results}"
cd "$root"

command -v pnpm >/dev/null || npm install -g pnpm@10
[ -d node_modules/.pnpm ] || pnpm install --frozen-lockfile
# Dawn loads the Vulkan loader libvulkan.so.1; the vendor's ICD (e.g. NVIDIA's nvidia_icd.json) comes with
# the driver. Install the loader when it is missing and apt can (root).
if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1' && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "[device-bench] installing the Vulkan loader (libvulkan1)"
  apt-get update -qq && apt-get install -y -qq libvulkan1 >/dev/null || echo "[device-bench] could not install libvulkan1"
fi
if [ "${DEVICE_SOFTWARE:-0}" = 1 ]; then
  tools/scripts/install-swiftshader.sh >/dev/null
  export COIN_SWIFTSHADER_DIR="$root/.swiftshader/usr/lib/chromium"
else
  unset COIN_SWIFTSHADER_DIR # a real GPU only
fi
pnpm build --filter=@coin-gnn/cli... --output-logs=errors-only
exec "$root/packages/bench/device/device-bench.sh" "$root/packages/cli/dist/bin/coin.js" "$out"
