-- wrk script for GET /health: prints a machine-readable RESULT line at the end, which
-- scripts/benchmark.sh parses. No response() hook, so wrk does not hand every body to Lua
-- (that would slow the client down and understate the server's throughput); non-2xx/3xx
-- answers are counted by wrk itself in summary.errors.status.
-- Usage: wrk -t2 -c50 -d10s -s scripts/bench/health.lua http://127.0.0.1:PORT/health

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout
   io.write(string.format(
      "RESULT requests=%d requests_per_s=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
      summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, summary.errors.status, socket_errors))
end
