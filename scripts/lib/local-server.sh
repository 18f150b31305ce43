# Sourced by check-python-sdk.sh, check-mcp.sh and benchmark.sh (not run on its own).
#
# use_debug_binary
#   Sets bin to $HANDOFFRAIL_BIN when given, else builds the debug `handoffrail` and uses it;
#   exits when there is no executable there. bin is made absolute (scenarios may change directory).
#
# start_local_server PER_MINUTE PER_HOUR
#   Starts "$bin" serve on a free 127.0.0.1 port with a fresh database in "$workdir", its
#   output in "$log", a random bootstrap admin key, the daily limit off and the given rate
#   limits (per key per minute, per tenant per hour, every tier); waits up to 60 s for /ready.
#   Sets port, api_key, base and server_pid (the caller's trap stops the server). Returns 1,
#   with a one-line reason on stderr, when the server exits or is not ready in time.
use_debug_binary() {
    if [ -n "${HANDOFFRAIL_BIN:-}" ]; then
        bin=$HANDOFFRAIL_BIN
    else
        step "Building handoffrail (debug)"
        swift build --product handoffrail
        bin="$(swift build --show-bin-path)/handoffrail"
    fi
    [ -x "$bin" ] || { echo "no executable at $bin" >&2; exit 1; }
    case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
}

start_local_server() {
    local per_minute=$1 per_hour=$2
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    api_key="hr_$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
    base="http://127.0.0.1:$port"

    HANDOFFRAIL_BOOTSTRAP_ADMIN_KEY="$api_key" \
    HR_DISABLE_DAILY_LIMIT=1 \
    HR_RATE_LIMIT_PER_MINUTE="$per_minute" \
    HR_RATE_LIMIT_TIERS="{\"free\":$per_hour,\"pro\":$per_hour,\"business\":$per_hour}" \
        "$bin" serve --host 127.0.0.1 --port "$port" --database "$workdir/handoffrail.sqlite" >"$log" 2>&1 &
    server_pid=$!

    for _ in $(seq 1 600); do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "the server exited during startup" >&2
            return 1
        fi
        if python3 - "$base/ready" 2>/dev/null <<'PY'
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
    sys.exit(0 if response.status == 200 else 1)
PY
        then return 0; fi
        sleep 0.1
    done
    echo "the server was not ready within 60 s" >&2
    return 1
}

# show_log
#   The last 200 lines of the server's output ("$log") on stderr.
show_log() {
    echo "---- server log ($log) ----" >&2
    tail -n 200 "$log" >&2 || true
    echo "---- end of server log ----" >&2
}

# stop_local_server_and_clean
#   For `trap … EXIT`: SIGTERM to "$server_pid", up to 10 s for it to exit, then SIGKILL;
#   removes "$workdir".
stop_local_server_and_clean() {
    if [ -n "${server_pid:-}" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$workdir"
}
