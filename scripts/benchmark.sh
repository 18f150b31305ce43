#!/usr/bin/env bash
# Throughput and memory benchmark of `handoffrail serve` (not part of CI).
#
#   ./scripts/benchmark.sh                # everything (~3–10 minutes)
#   BENCH_FILL_TARGET=20000 ./scripts/benchmark.sh   # smaller memory run
#
# 1. installs wrk if missing, builds the release `handoffrail`, starts it on a fresh
#    temporary SQLite database (bootstrap admin key, daily limit off, rate limits
#    effectively off) and waits for /ready;
# 2. GET /health with wrk -t2 -c50 -d10s;
# 3. the full packet lifecycle (create → claim → in_progress → completed, ~2.5 KB packets,
#    scripts/bench/lifecycle.lua) at 5, 10, 25 and 50 connections, BENCH_DURATION each;
# 4. fills the database to BENCH_FILL_TARGET packets (100,000) through the batch endpoint
#    (scripts/bench/fill.py) and reads the server's VmRSS from /proc/<pid>/status;
# 5. prints a Markdown table. The server is stopped at the end (trap), the database removed.
#
# Environment knobs: BENCH_DURATION (15s), BENCH_HEALTH_DURATION (10s),
# BENCH_CONNECTIONS ("5 10 25 50"), BENCH_FILL_TARGET (100000), BENCH_FILL_TIMEOUT (900 s),
# BENCH_RATE_PER_MINUTE (1000000, per key) and BENCH_RATE_PER_HOUR (2000000, per tenant),
# BENCH_SKIP_BUILD=1 with HANDOFFRAIL_BIN=/path/to/handoffrail to use an existing binary.
#
# Rate limits: high enough never to trigger during the run. The per-key sliding log keeps one
# timestamp per request of the last minute (it grows with use, not with the limit), so at
# ~2,000 req/s one key's log holds ~120,000 timestamps (~1 MB), included in the RSS below.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

duration=${BENCH_DURATION:-15s}
health_duration=${BENCH_HEALTH_DURATION:-10s}
connection_levels=${BENCH_CONNECTIONS:-"5 10 25 50"}
fill_target=${BENCH_FILL_TARGET:-100000}
fill_timeout=${BENCH_FILL_TIMEOUT:-900}
rate_per_minute=${BENCH_RATE_PER_MINUTE:-1000000}
rate_per_hour=${BENCH_RATE_PER_HOUR:-2000000}

step() { printf '\n==> %s\n' "$*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
    step "Installing wrk"
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq && apt-get install -y -qq wrk
    else
        sudo apt-get update -qq && sudo apt-get install -y -qq wrk
    fi
fi

if [ "${BENCH_SKIP_BUILD:-0}" = "1" ] && [ -n "${HANDOFFRAIL_BIN:-}" ]; then
    bin=$HANDOFFRAIL_BIN
else
    step "Building handoffrail (release)"
    swift build -c release --product handoffrail
    bin="$(swift build -c release --show-bin-path)/handoffrail"
fi
[ -x "$bin" ] || { echo "no executable at $bin" >&2; exit 1; }

workdir=$(mktemp -d "${TMPDIR:-/tmp}/handoffrail-bench.XXXXXX")
server_pid=""
# shellcheck source=scripts/lib/local-server.sh
. scripts/lib/local-server.sh
trap stop_local_server_and_clean EXIT
trap 'exit 130' INT TERM

log="$workdir/server.log"
step "Starting handoffrail serve (free local port, fresh database)"
start_local_server "$rate_per_minute" "$rate_per_hour" || { echo "server log:" >&2; cat "$log" >&2; exit 1; }
echo "listening on $base" >&2

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status" 2>/dev/null || echo 0; }
alive() {
    kill -0 "$server_pid" 2>/dev/null && return 0
    echo "the server died during: $1; log tail:" >&2; tail -n 60 "$log" >&2; exit 1
}
# A number or 0 (for missing fields of a failed wrk run).
num() { if [[ "${1:-}" =~ ^[0-9]+(\.[0-9]+)?$ ]]; then echo "$1"; else echo 0; fi; }
# Value of key=… in a RESULT line.
field() { sed -n "s/.*[[:space:]]$2=\([^[:space:]]*\).*/\1/p" <<<"$1" | head -n 1; }

rss_idle=$(rss_kb)

step "GET /health: wrk -t2 -c50 -d$health_duration"
health_out=$(wrk -t2 -c50 -d"$health_duration" -s scripts/bench/health.lua "$base/health") || true
health_line=$(grep '^RESULT' <<<"$health_out" || true)
echo "$health_line" >&2
health_rps=$(num "$(field "$health_line" requests_per_s)")
alive "GET /health"

rows=()
ratio="n/a"
for connections in $connection_levels; do
    # wrk gives each thread connections/threads connections (integer division): use one
    # thread for odd counts so that exactly N connections run.
    threads=2
    if [ $((connections % 2)) -ne 0 ]; then threads=1; fi
    step "Lifecycle: wrk -t$threads -c$connections -d$duration"
    out=$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s \
        -s scripts/bench/lifecycle.lua "$base" -- "$api_key" "$root/scripts/bench/packet.json") || true
    alive "the lifecycle run at $connections connections"
    line=$(grep '^RESULT' <<<"$out" || echo "RESULT missing (wrk failed): $out")
    echo "$line" >&2
    grep '^FIRST_ERROR' <<<"$out" >&2 || true
    errors=$(( $(num "$(field "$line" non2xx)") + $(num "$(field "$line" socket_errors)") + $(num "$(field "$line" unexpected)") + $(num "$(field "$line" id_mismatch)") ))
    rows+=("| $connections | $(field "$line" lifecycles_per_s) | $(field "$line" requests_per_s) | $(field "$line" p50_ms) ms | $(field "$line" p99_ms) ms | $errors |")
    if [ "$connections" = 50 ]; then
        ratio=$(awk -v l="$(num "$(field "$line" requests_per_s)")" -v h="$health_rps" 'BEGIN { if (h > 0) printf "%.3f", l / h; else print "n/a" }')
    fi
done
rss_after_load=$(rss_kb)

step "Filling the database to $fill_target packets (batch endpoint, 50 per request)"
fill_status=0
fill_out=$(python3 scripts/bench/fill.py --base-url "$base" --api-key "$api_key" \
    --target "$fill_target" --timeout "$fill_timeout") || fill_status=$?
fill_line=$(grep '^FILL' <<<"$fill_out" || true)
echo "$fill_line" >&2
alive "the fill"
stored=$(field " $fill_line" total)
sleep 2
rss_filled=$(rss_kb)
db_bytes=$( (du -cb "$workdir"/handoffrail.sqlite* 2>/dev/null || true) | awk 'END { print $1 + 0 }')

mb() { awk -v kb="$1" 'BEGIN { printf "%.1f MiB", kb / 1024 }'; }

cat <<EOF

## HandoffRail benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m))

Lifecycle = POST /packets (~2.5 KB) → POST /claim → PATCH in_progress → PATCH completed;
latency is per request (wrk); errors = non-2xx + socket errors + unexpected bodies.

| connections | lifecycles/s | req/s | p50 | p99 | errors |
|---|---|---|---|---|---|
$(printf '%s\n' "${rows[@]}")

- GET /health (wrk -t2 -c50 -d$health_duration): **$health_rps req/s** ($(field "$health_line" p50_ms) ms p50, $(field "$health_line" p99_ms) ms p99, non-2xx $(field "$health_line" non2xx))
- lifecycle req/s ÷ health req/s at 50 connections: **$ratio**
- RSS idle after start: $(mb "$rss_idle"); after the lifecycle runs: $(mb "$rss_after_load")
- RSS with ${stored:-?} stored packets: **$(mb "$rss_filled")** (database files $(awk -v b="${db_bytes:-0}" 'BEGIN { printf "%.1f MiB", b / 1048576 }'); fill: ${fill_line#FILL })
EOF

if [ "$fill_status" -ne 0 ]; then
    echo "warning: the fill did not reach $fill_target packets (see above)" >&2
fi
if grep -qiE 'fatal|panic' "$log"; then
    echo "server log mentions fatal errors:" >&2; grep -iE 'fatal|panic' "$log" | head -20 >&2
fi
