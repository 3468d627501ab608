#!/usr/bin/env bash
# Offline bundle for a GPU machine that reaches no package registry: this Node.js binary, the workspace's
# packages packed and installed with their production dependencies (the `webgpu` package's Dawn build for
# linux-x64 only), and the Vulkan loader's Debian package, as three files in one folder. On the GPU machine,
# `run-offline-bundle.sh` (copied beside them) unpacks them under /tmp and runs the device benchmark with the
# installed `coin` command. Needs, here: the npm registry, and apt-get for the loader's .deb.
#
# Usage: packages/bench/device/make-offline-bundle.sh <out-dir>
set -euo pipefail
out="${1:?usage: make-offline-bundle.sh <out-dir>}"
root="$(cd "$(dirname "$0")/../../.." && pwd)"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
say() { echo "[offline-bundle] $*"; }

cd "$root"
say "building and packing the packages"
pnpm build --output-logs=errors-only
mkdir -p "$work/tarballs" "$work/project"
for p in graph datasets core experiments bench cli; do
  (cd "packages/$p" && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
done

say "installing them with their production dependencies"
cd "$work/project"
printf '{ "name": "coin-offline", "private": true, "type": "module" }\n' >package.json
npm install --omit=dev --no-audit --no-fund --loglevel=error "$work"/tarballs/*.tgz
# Only linux-x64's Dawn; no source maps.
find node_modules/webgpu/dist -mindepth 1 -maxdepth 1 ! -name linux-x64 -exec rm -rf {} +
find node_modules -name '*.map' -delete
tar -C "$work" -cJf "$out/project.tar.xz" project

say "packing this Node.js ($(node --version))"
mkdir -p "$work/node/bin"
cp "$(command -v node)" "$work/node/bin/node"
tar -C "$work" -cJf "$out/node.tar.xz" node

say "downloading the Vulkan loader (libvulkan1, amd64)"
apt_dir="$work/apt"
mkdir -p "$apt_dir/lists/partial"
apt_opts=(-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 "-oDir::State::Lists=$apt_dir/lists")
apt-get "${apt_opts[@]}" update -qq
(cd "$out" && apt-get "${apt_opts[@]}" download libvulkan1 >/dev/null)

cp "$root"/packages/bench/device/{run-offline-bundle,device-bench}.sh "$out/"
ls -la "$out"
