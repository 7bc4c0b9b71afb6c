#!/usr/bin/env bash
# Builds .tools/godotenv-read (the godotenv loader oracle) from Debian's golang-go and golang-github-joho-godotenv-dev,
# in GOPATH mode against /usr/share/gocode: no module download. .ci/run installs both packages and calls this.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tools
if ! command -v go >/dev/null 2>&1 || [ ! -d /usr/share/gocode/src/github.com/joho/godotenv ]; then
  echo "godotenv oracle: needs apt packages golang-go and golang-github-joho-godotenv-dev" >&2
  exit 3
fi
GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= GOTOOLCHAIN=local GOCACHE="$PWD/.tools/go-cache" \
  go build -o .tools/godotenv-read ./test/support/godotenv-read
echo "godotenv oracle: built .tools/godotenv-read"
