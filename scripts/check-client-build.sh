#!/usr/bin/env bash
# Builds only the HandoffRailClient product in a fresh scratch directory, times it (this is
# what an SDK consumer's first build costs, generator included), and fails if any server
# module (SwiftNIO, Hummingbird, GRDB, PostgresNIO) was compiled.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build/client-only
rm -rf "$scratch"
start=$(date +%s)
swift build --product HandoffRailClient --scratch-path "$scratch"
end=$(date +%s)
modules=$(find "$scratch" -name '*.swiftmodule' -path '*/Modules/*' -exec basename {} .swiftmodule \; | sort -u)
echo "modules compiled for the client product:"; echo "$modules" | sed 's/^/  /'
if echo "$modules" | grep -E '^(NIO|NIOCore|NIOPosix|Hummingbird|HummingbirdCore|GRDB|PostgresNIO)$'; then
  echo "FAIL: the client product compiled server-side modules" >&2
  exit 1
fi
echo "client product first build: $((end - start)) s (generator and its OpenAPIKit/Yams included)"
