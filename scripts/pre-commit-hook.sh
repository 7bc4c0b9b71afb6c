#!/bin/sh
# pre-commit entry (language: script): builds the CLI once inside the hook's clone, then lints the files given.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
if [ ! -f "$here/dist/cli.js" ]; then
  # First run in this clone: install the build tools and bundle the CLI (later runs start at once).
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2 && node esbuild.mjs --quiet) || {
    echo "go-deploy-lint: could not build the CLI in $here (needs Node 20 and npm)" >&2
    exit 2
  }
fi
exec node "$here/dist/cli.js" lint "$@"
