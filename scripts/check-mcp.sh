#!/usr/bin/env bash
# `handoffrail mcp` checked with a real MCP client: the Python `mcp` package (2.3.0 from PyPI).
#
#   ./scripts/check-mcp.sh
#
# Installs `mcp` into .venv-mcp (or uses the interpreter named by PYTHON, which must have it),
# builds the debug `handoffrail`, starts `handoffrail serve` on a free local port with a fresh
# temporary database and a random bootstrap admin key, waits for /ready, and runs
# tests/python/mcp_scenario.py: it spawns `handoffrail mcp` over stdio as two agents and goes
# initialize -> tools/list -> tools/call create, claim, complete (plus error calls), then checks
# the packet over HTTP. Stops the server with SIGTERM. Exits with the scenario's status; the
# server log is printed on failure.
#
# Knobs: HANDOFFRAIL_BIN=/path/to/handoffrail skips the build; PYTHON=/path/to/python reuses a
# venv that has `mcp` (e.g. .venv-agents) instead of creating .venv-mcp.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

if [ -n "${PYTHON:-}" ]; then
    python=$PYTHON
    "$python" -c 'import mcp' || { echo "PYTHON=$python cannot import mcp" >&2; exit 1; }
else
    step "Python MCP client (mcp 2.3.0) in .venv-mcp"
    if [ ! -x .venv-mcp/bin/python ]; then python3 -m venv .venv-mcp; fi
    .venv-mcp/bin/pip install --quiet --disable-pip-version-check "mcp==2.3.0"
    python=.venv-mcp/bin/python
fi

# shellcheck source=scripts/lib/local-server.sh
. scripts/lib/local-server.sh
use_debug_binary

workdir=$(mktemp -d "${TMPDIR:-/tmp}/handoffrail-mcp-check.XXXXXX")
log="$workdir/server.log"
server_pid=""
trap stop_local_server_and_clean EXIT
trap 'exit 130' INT TERM

step "Starting handoffrail serve (free local port, fresh database)"
start_local_server 100000 100000 || { show_log; exit 1; }
echo "listening on $base"

step "Scenario (tests/python/mcp_scenario.py)"
status=0
"$python" tests/python/mcp_scenario.py --bin "$bin" --base-url "$base" --api-key "$api_key" || status=$?

if [ "$status" -ne 0 ]; then show_log; fi
exit "$status"
