#!/usr/bin/env bash
# Device benchmark: COIN, GCN and APPNP on Cora and Citeseer, on `webgpu` (the machine's own Vulkan driver:
# a real GPU) and on `cpu`, in one command, under 8 minutes. Installs what it needs (pnpm and the workspace's
# packages from the npm registry; the Vulkan loader from apt if missing), runs `coin doctor` first, and
# writes the bench JSON of each backend plus the doctor report to the output folder.
#
# Usage: packages/bench/device/run.sh [out-dir]            (default: packages/bench/device/results)
# Env:   DEVICE_EPOCHS (default 200), DEVICE_RUNS (default 2): epochs limit and splits per dataset.
#        DEVICE_SOFTWARE=1 also accepts a software adapter (SwiftShader: proves the path, not speed).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
out="${1:-$root/packages/bench/device/results}"
epochs="${DEVICE_EPOCHS:-200}"
runs="${DEVICE_RUNS:-2}"
mkdir -p "$out"
cd "$root"
say() { echo "[device-bench $(date -u +%H:%M:%S)] $*"; }

command -v pnpm >/dev/null || npm install -g pnpm@10
[ -d node_modules/.pnpm ] || pnpm install --frozen-lockfile
# Dawn loads the Vulkan loader libvulkan.so.1; the vendor's ICD (e.g. NVIDIA's nvidia_icd.json) comes with
# the driver. Install the loader when it is missing and apt can (root).
if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1' && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  say "installing the Vulkan loader (libvulkan1)"
  apt-get update -qq && apt-get install -y -qq libvulkan1 >/dev/null || say "could not install libvulkan1"
fi
if [ "${DEVICE_SOFTWARE:-0}" = 1 ]; then
  tools/scripts/install-swiftshader.sh >/dev/null
  export COIN_SWIFTSHADER_DIR="$root/.swiftshader/usr/lib/chromium"
else
  export COIN_SWIFTSHADER_DIR="" # a real GPU only (set but empty: coin.mjs does not add .swiftshader)
fi

say "coin doctor"
node tools/scripts/coin.mjs doctor --json >"$out/doctor.json"
node tools/scripts/coin.mjs doctor | tee "$out/doctor.txt"
# webgpu only when its adapter is a hardware one, unless DEVICE_SOFTWARE=1
webgpu_ok="$(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const w = r.backends.find((b) => b.name === "webgpu");
  const ok = w && w.available && (!w.adapter.software || process.argv[2] === "1");
  console.log(ok ? "yes" : "no");' "$out/doctor.json" "${DEVICE_SOFTWARE:-0}")"

bench() { # backend
  say "bench on $1: COIN, GCN, APPNP on Cora and Citeseer, $runs runs, ≤ $epochs epochs"
  node tools/scripts/coin.mjs bench --suite quick --backend "$1" --dataset cora,citeseer \
    --model coin,gcn,appnp --runs "$runs" --epochs "$epochs" --out "$out/$1"
}
if [ "$webgpu_ok" = yes ]; then
  bench webgpu
else
  say "webgpu: no hardware adapter (see $out/doctor.txt); only cpu is measured"
fi
bench cpu
say "done: $out"
ls -R "$out" | head -40
