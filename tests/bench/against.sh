#!/usr/bin/env bash
# Usage: tests/bench/against.sh <git ref> [folder]
# Builds <ref> in a temporary worktree and leaves in [folder] (default $TMPDIR/masar-against)
# its build/, public/ and app/server/start.js beside links to this checkout's db/,
# node_modules/ and package.json, for `npm run bench:cpu -- --against <folder>`.
set -euo pipefail
ref="$1"
here="$(cd "$(dirname "$0")/../.." && pwd)"
out="${2:-${TMPDIR:-/tmp}/masar-against}"
tree="$(mktemp -d)"
git -C "$here" worktree add -q --detach "$tree/src" "$ref"
ln -s "$here/node_modules" "$tree/src/node_modules"
(cd "$tree/src" && NODE_ENV=production npx remix build >/dev/null && node scripts/precompress.mjs >/dev/null)
rm -rf "$out" && mkdir -p "$out"
cp -r "$tree/src/build" "$tree/src/public" "$out/"
mkdir -p "$out/app/server" && cp "$tree/src/app/server/start.js" "$out/app/server/"
for name in db node_modules package.json; do ln -s "$here/$name" "$out/$name"; done
git -C "$here" worktree remove --force "$tree/src"
rm -rf "$tree"
echo "$out"
