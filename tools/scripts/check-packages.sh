#!/usr/bin/env bash
# Publishability check (called by .ci/run): builds every package, packs it (`pnpm pack`: dist, types, the
# publishConfig `exports` map, workspace:* turned into versions), installs the tarballs with npm into a
# temporary project outside the repository, and there runs
#   (a) plain Node ESM: Cora from the shipped data, COIN trained for two epochs, the wasm kernel from dist;
#       a user's own graph (arrays) and own model (`sequential`), trained, saved and reloaded; and a
#       user's own ODE field differentiated by `odeintAdjoint` and the tape, against the closed form;
#   (b) `tsc --strict --module nodenext --moduleResolution nodenext` on a file importing every entry point;
#   (c) the installed `coin` bin: `npx coin train --dataset cora --epochs 2`.
# Prints each tarball's packed and unpacked size. Needs the npm registry for the packages' dependencies.
set -euo pipefail
start=$SECONDS
step() { echo "check-packages [$((SECONDS - start)) s]: $*"; }
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

packages=(graph datasets core experiments bench cli)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tarballs" "$work/project"

node tools/scripts/check-exports.mjs
step "building (turbo)"
pnpm build --output-logs=errors-only

step "packing into $work/tarballs"
printf '%-32s %10s %12s %6s\n' tarball packed unpacked files
for p in "${packages[@]}"; do
  (cd "packages/$p" && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
done
for t in "$work"/tarballs/*.tgz; do
  packed=$(stat -c %s "$t")
  unpacked=$(tar -xzOf "$t" | wc -c)
  files=$(tar -tzf "$t" | wc -l)
  printf '%-32s %8d kB %10d kB %6d\n' "$(basename "$t")" $((packed / 1024)) $((unpacked / 1024)) "$files"
done

# What the packed packages must hold: compiled JS and types, the wasm module, the data files, no test file,
# no source condition in the exports map, and no workspace: version left.
check_tarball() {
  local tarball path
  tarball="$(echo "$work"/tarballs/coin-gnn-"$1"-[0-9]*.tgz)"
  shift
  local listing
  listing="$(tar -tzf "$tarball")"
  for path in "$@"; do
    grep -qx "package/$path" <<<"$listing" || { step "$path missing from $tarball" >&2; exit 1; }
  done
  if grep -q '\.test\.ts$' <<<"$listing"; then step "a test file in $tarball" >&2; exit 1; fi
  if tar -xzOf "$tarball" package/package.json | grep -q 'workspace:\|@coin-gnn/source'; then
    step "$tarball's package.json has a workspace: version or the source condition" >&2
    exit 1
  fi
}
check_tarball graph dist/index.js dist/index.d.ts dist/testing/index.js dist/testing/index.d.ts
check_tarball datasets dist/index.js dist/index.d.ts data/gnn-benchmark/cora.npz data/planetoid/raw/ind.citeseer.graph
check_tarball core dist/index.js dist/index.d.ts dist/testing/index.js dist/wasm/kernels.wasm dist/tfjs/core-gradients.js
check_tarball experiments dist/index.js dist/index.d.ts
check_tarball bench dist/index.js dist/index.d.ts
check_tarball cli dist/index.js dist/index.d.ts dist/bin/coin.js

cd "$work/project"
cp "$root/tools/package-check/train-cora.mjs" "$root/tools/package-check/own-model.mjs" \
  "$root/tools/package-check/own-ode.mjs" "$root/tools/package-check/check-types.ts" .
printf '{ "name": "outside-project", "private": true, "type": "module" }\n' >package.json
step "npm install of the tarballs in $work/project"
npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/*.tgz @types/node@20 fast-check@4

step "(a) node train-cora.mjs, node own-model.mjs, node own-ode.mjs"
node train-cora.mjs
node own-model.mjs
node own-ode.mjs

step "(b) tsc --strict --module nodenext --moduleResolution nodenext check-types.ts"
# No skipLibCheck, so that our own .d.ts files are checked too; tfjs's declarations have errors of their own
# under --strict (TS2304 'Long', TS2411 in tfjs-layers' keras_format), which are counted and left out.
tsc_log="$work/tsc.log"
"$root/node_modules/.bin/tsc" --strict --module nodenext --moduleResolution nodenext --target es2022 \
  --noEmit --types node check-types.ts >"$tsc_log" || true
ours="$(awk '/^[^ ]/ { keep = ($0 !~ /^node_modules\/@tensorflow\//) } keep' "$tsc_log")"
echo "tsc: $(grep -c '^node_modules/@tensorflow/.*error TS' "$tsc_log" || true) errors inside @tensorflow/* declarations (not ours)"
if [ -n "$ours" ]; then
  echo "$ours" >&2
  step "tsc --strict found errors in our packages or their use" >&2
  exit 1
fi
echo "tsc: no error in @coin-gnn/* declarations or check-types.ts"

step "(c) npx coin train --dataset cora --epochs 2"
npx --no-install coin train --dataset cora --epochs 2 --backend cpu

step "all packages install and run from an outside project"
