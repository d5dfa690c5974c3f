#!/usr/bin/env bash
# The maintenance module's declared packages are enough: copy only test/lift and src/maintenance
# (at the same relative paths) into a directory of their own, install test/lift's package.json
# there, and build and run the lift e2e against that install alone.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/.ci/node.sh" >/dev/null
work="$(mktemp -d "${TMPDIR:-/tmp}/lift-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/test" "$work/src"
cp -r "$repo/test/lift" "$work/test/lift"
cp -r "$repo/src/maintenance" "$work/src/maintenance"
rm -rf "$work/test/lift/node_modules" "$work/test/lift/package-lock.json.tmp"
cd "$work/test/lift"
npm install --no-audit --no-fund --prefer-offline --loglevel=error
npm test
