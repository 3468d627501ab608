#!/usr/bin/env bash
# The device benchmark proper, shared by run.sh (from the repository) and run-offline-bundle.sh (from an
# offline bundle): `coin doctor`, then COIN, GCN and APPNP on Cora and Citeseer (the quick suite's format) and
# COIN and GCN on 10⁴- and 10⁵-node SBM graphs (the scale suite), on `webgpu` when the doctor finds a
# hardware adapter (or any adapter with DEVICE_SOFTWARE=1) and on `cpu`. Writes doctor.json, doctor.txt and
# one folder per suite and backend (quick-webgpu, quick-cpu, scale-webgpu, scale-cpu) to <out-dir>.
#
# Usage: device-bench.sh <coin-entry.js> <out-dir>
# Env:   DEVICE_EPOCHS (default 200), DEVICE_RUNS (default 2): epoch limit and splits per dataset (quick);
#        DEVICE_SCALE_SIZES (default 10000,100000): node counts of the scale suite (20 epochs each).
set -euo pipefail
coin_js="${1:?usage: device-bench.sh <coin-entry.js> <out-dir>}"
out="${2:?usage: device-bench.sh <coin-entry.js> <out-dir>}"
epochs="${DEVICE_EPOCHS:-200}"
runs="${DEVICE_RUNS:-2}"
sizes="${DEVICE_SCALE_SIZES:-10000,100000}"
mkdir -p "$out"
say() { echo "[device-bench $(date -u +%H:%M:%S)] $*"; }
coin() { node "$coin_js" "$@"; }

say "node $(node --version); VK_DRIVER_FILES=${VK_DRIVER_FILES:-unset}"
if command -v nvidia-smi >/dev/null; then
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv | tee "$out/gpu.txt"
fi
say "coin doctor"
coin doctor --json >"$out/doctor.json"
coin doctor | tee "$out/doctor.txt"
webgpu_ok="$(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const w = r.backends.find((b) => b.name === "webgpu");
  const ok = w && w.available && (!w.adapter.software || process.argv[2] === "1");
  console.log(ok ? "yes" : "no");' "$out/doctor.json" "${DEVICE_SOFTWARE:-0}")"

bench() { # backend
  say "quick on $1: COIN, GCN, APPNP on Cora and Citeseer, $runs runs, ≤ $epochs epochs"
  coin bench --suite quick --backend "$1" --dataset cora,citeseer --model coin,gcn,appnp \
    --runs "$runs" --epochs "$epochs" --out "$out/quick-$1"
  say "scale on $1: COIN and GCN on SBM graphs of $sizes nodes"
  coin bench --suite scale --backend "$1" --sizes "$sizes" --out "$out/scale-$1"
}
if [ "$webgpu_ok" = yes ]; then
  bench webgpu
else
  say "webgpu: no hardware adapter (see $out/doctor.txt); only cpu is measured"
fi
bench cpu
say "done: $out"
