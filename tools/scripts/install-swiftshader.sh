#!/usr/bin/env bash
# Installs the SwiftShader Vulkan driver (a software GPU) that Dawn, the WebGPU engine of the npm `webgpu`
# package, accepts: it is shipped by Debian's `chromium-common` package. The .deb is downloaded with
# `apt-get download` (no root needed for that; `apt-get update` is run first when root) and unpacked with
# `dpkg -x`, nothing is installed system-wide. Output: <dir>/usr/lib/chromium/vk_swiftshader_icd.json.
#
# Usage: tools/scripts/install-swiftshader.sh [dir]   (default: .swiftshader at the repository root, gitignored)
# Then:  export COIN_SWIFTSHADER_DIR=<dir>/usr/lib/chromium
# (coin-gnn's `webgpu` backend reads COIN_SWIFTSHADER_DIR; `pnpm coin` and the tests set it when <repo>/.swiftshader
# exists; see README.)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${1:-$root/.swiftshader}"
icd="$dir/usr/lib/chromium/vk_swiftshader_icd.json"
if [ -f "$icd" ]; then
  echo "SwiftShader already at $icd"
  exit 0
fi
command -v apt-get >/dev/null || { echo "install-swiftshader: needs apt-get (Debian/Ubuntu)" >&2; exit 1; }
mkdir -p "$dir"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [ "$(id -u)" = 0 ]; then apt-get update -qq; fi
(cd "$tmp" && apt-get download -qq chromium-common)
dpkg -x "$tmp"/chromium-common_*.deb "$tmp/x"
mkdir -p "$dir/usr/lib/chromium"
cp "$tmp"/x/usr/lib/chromium/{vk_swiftshader_icd.json,libvk_swiftshader.so,libvulkan.so.1} "$dir/usr/lib/chromium/"
echo "SwiftShader installed: $icd"
