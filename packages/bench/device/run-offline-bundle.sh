#!/usr/bin/env bash
# Device benchmark from a bundle made by make-offline-bundle.sh, on a machine that reaches no registry:
# unpacks Node.js, the installed packages and the Vulkan loader under /tmp/coin-offline, points Dawn at the
# GPU vendor's Vulkan driver (NVIDIA's ICD file where the driver mounts it, unless VK_DRIVER_FILES is set),
# then runs device-bench.sh (what it measures, and its settings) with the installed `coin` command.
#
# Usage: run-offline-bundle.sh <out-dir>      (from the bundle's folder, or BUNDLE=<folder>)
set -euo pipefail
out="${1:?usage: run-offline-bundle.sh <out-dir>}"
bundle="${BUNDLE:-$(cd "$(dirname "$0")" && pwd)}"
dest=/tmp/coin-offline
mkdir -p "$dest/vulkan"
tar -C "$dest" -xJf "$bundle/node.tar.xz"
tar -C "$dest" -xJf "$bundle/project.tar.xz"
for deb in "$bundle"/libvulkan1_*.deb; do dpkg -x "$deb" "$dest/vulkan"; done
export PATH="$dest/node/bin:$PATH"
export LD_LIBRARY_PATH="$dest/vulkan/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
nvidia_icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
if [ -z "${VK_DRIVER_FILES:-}" ] && [ -f "$nvidia_icd" ]; then export VK_DRIVER_FILES="$nvidia_icd"; fi
exec "$bundle/device-bench.sh" "$dest/project/node_modules/@coin-gnn/cli/dist/bin/coin.js" "$out"
