#!/usr/bin/env bash
# README's first command: on a fresh machine, installs what is missing (SQLite's development
# files for GRDB), builds the server in release mode and runs it on an embedded SQLite file
# (./handoffrail.sqlite, created and migrated on start) at http://127.0.0.1:8080.
#
# Extra arguments go to `handoffrail serve` (e.g. --port 9000, --database /var/lib/hr.sqlite).
# Without HANDOFFRAIL_BOOTSTRAP_ADMIN_KEY, the first start prints a generated admin key once.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v swift >/dev/null 2>&1; then
  echo "Swift 6 is required: install it from swift.org (this project is developed with 6.3.1)." >&2
  exit 1
fi

missing=()
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} …" >&2
    sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${missing[@]}"
  else
    echo "Please install SQLite 3 development files (${missing[*]}) with your package manager." >&2
    exit 1
  fi
fi

swift build -c release --product handoffrail
exec "$(swift build -c release --show-bin-path)/handoffrail" serve "$@"
