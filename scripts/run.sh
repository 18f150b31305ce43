#!/usr/bin/env bash
# README's first command. Until the server lands (issue: the server on embedded SQLite),
# it builds the generator, regenerates Generated/ from spec/handoffrail.yaml and prints
# what was generated; then lists the API the spec defines.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v swift >/dev/null 2>&1; then
  echo "Swift 6 is required: install it from swift.org (this project is developed with 6.3.1)." >&2
  exit 1
fi
if ! command -v python3 >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq python3 python3-venv
fi
swift run handoffrail-codegen generate-committed
find Generated -name '*.swift' -exec wc -l {} +
swift run handoffrail operations
