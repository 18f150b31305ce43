#!/usr/bin/env bash
# Wire compatibility with the real Python SDK (handoffrail-sdk 0.3.0 from PyPI).
#
#   ./scripts/check-python-sdk.sh
#
# Installs the SDK into .venv, builds the debug `handoffrail`, starts `handoffrail serve`
# on a free local port with a fresh temporary database and a random bootstrap admin key
# (daily limit off, rate limits out of the way), waits for /ready, runs
# tests/python/sdk_scenario.py (sync and async SDK clients) and tests/python/events_scenario.py
# (the SDK's SSE and WebSocket clients, events within 100 ms), then stops the server with
# SIGTERM and requires a graceful exit (status 0) within 10 s. Exits with the scenario's
# status (or 1 when the shutdown was not graceful). The server log is printed on failure.
#
# Knobs: HANDOFFRAIL_BIN=/path/to/handoffrail skips the build; SCENARIO_ARGS adds arguments
# (e.g. --verbose).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Python SDK (handoffrail-sdk 0.3.0) in .venv"
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/pip install --quiet --disable-pip-version-check "handoffrail-sdk==0.3.0" websockets

# shellcheck source=scripts/lib/local-server.sh
. scripts/lib/local-server.sh
use_debug_binary

workdir=$(mktemp -d "${TMPDIR:-/tmp}/handoffrail-sdk-check.XXXXXX")
log="$workdir/server.log"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "Starting handoffrail serve (free local port, fresh database)"
start_local_server 100000 100000 || { show_log; exit 1; }
echo "listening on $base"

step "Scenario (tests/python/sdk_scenario.py)"
status=0
# shellcheck disable=SC2086 # SCENARIO_ARGS is a list of words on purpose
.venv/bin/python tests/python/sdk_scenario.py --base-url "$base" --api-key "$api_key" ${SCENARIO_ARGS:-} || status=$?

step "Live events (tests/python/events_scenario.py: HandoffRailSSEClient, HandoffRailWSClient)"
.venv/bin/python tests/python/events_scenario.py --base-url "$base" --api-key "$api_key" || status=$?

step "Graceful shutdown (SIGTERM, at most 10 s)"
if kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    exited=0
    for _ in $(seq 1 100); do
        if ! kill -0 "$server_pid" 2>/dev/null; then exited=1; break; fi
        sleep 0.1
    done
    if [ "$exited" != 1 ]; then
        echo "FAIL the server did not exit within 10 s of SIGTERM" >&2
        status=1
    else
        server_status=0
        wait "$server_pid" || server_status=$?
        if [ "$server_status" -ne 0 ]; then
            echo "FAIL the server exited with status $server_status after SIGTERM (expected 0)" >&2
            status=1
        else
            echo "ok  server exited with status 0"
        fi
    fi
    server_pid=""
else
    echo "FAIL the server was no longer running at the end of the scenario" >&2
    status=1
fi

if [ "$status" -ne 0 ]; then show_log; fi
exit "$status"
