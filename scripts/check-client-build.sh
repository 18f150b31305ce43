#!/usr/bin/env bash
# Builds the HandoffRailClient product the way an SDK consumer does: a fresh package that
# depends on this one and imports only HandoffRailClient, in a clean scratch directory.
# Times that first build (it includes the generator, run by the build plugin, with its
# OpenAPIKit and Yams) and fails if any server-side module (SwiftNIO, Hummingbird, GRDB,
# PostgresNIO) was compiled. It also compiles README's Swift quick start (the block between
# `<!-- quickstart:begin -->` and `<!-- quickstart:end -->`) as the consumer's second
# executable, exactly as written there (it is compiled, not run: it needs a server).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
consumer=$(mktemp -d)
trap 'rm -rf "$consumer"' EXIT
mkdir -p "$consumer/Sources/Consumer" "$consumer/Sources/QuickStart"
cat > "$consumer/Package.swift" <<SWIFT
// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "Consumer",
    dependencies: [.package(name: "HandoffRail", path: "$root")],
    targets: [
        .executableTarget(name: "Consumer", dependencies: [.product(name: "HandoffRailClient", package: "HandoffRail")]),
        .executableTarget(name: "QuickStart", dependencies: [.product(name: "HandoffRailClient", package: "HandoffRail")]),
    ]
)
SWIFT
cat > "$consumer/Sources/Consumer/main.swift" <<'SWIFT'
import Foundation
import HandoffRailClient
import HandoffRailModels

let transport = URLSessionTransport(baseURL: URL(string: "http://127.0.0.1:8080")!, apiKey: "hr_example")
let client = HandoffRailAPIClient(transport: transport)
print(type(of: client), Operations.all.count, "operations")
SWIFT
# The README quick start, without the fence lines; it must exist and be non-trivial.
awk '/<!-- quickstart:begin -->/{inside=1; next} /<!-- quickstart:end -->/{inside=0} inside && !/^```/' README.md \
  > "$consumer/Sources/QuickStart/main.swift"
quickstart_lines=$(wc -l < "$consumer/Sources/QuickStart/main.swift")
if [ "$quickstart_lines" -lt 3 ]; then
  echo "FAIL: README has no Swift quick start between <!-- quickstart:begin --> and <!-- quickstart:end -->" >&2
  exit 1
fi
start=$(date +%s)
build_log="$consumer/build.log"
if ! swift build --package-path "$consumer" >"$build_log" 2>&1; then
  grep -E "error|warning: " "$build_log" | head -40 >&2
  echo "FAIL: the client consumer (or README's quick start) does not compile" >&2
  exit 1
fi
tail -1 "$build_log"
if grep -q "QuickStart/main.swift.*warning: " "$build_log"; then
  grep "QuickStart/main.swift.*warning: " "$build_log" >&2
  echo "FAIL: README's quick start compiles with warnings" >&2
  exit 1
fi
end=$(date +%s)
modules=$(find "$consumer/.build" -name '*.swiftmodule' -exec basename {} .swiftmodule \; | sort -u | tr '\n' ' ')
echo "modules compiled for a client consumer: $modules"
for forbidden in NIOCore NIOPosix NIO Hummingbird HummingbirdCore GRDB PostgresNIO HandoffRailServer; do
  if echo " $modules " | grep -q " $forbidden "; then
    echo "FAIL: a client consumer compiled $forbidden" >&2
    exit 1
  fi
done
"$consumer/.build/debug/Consumer"
echo "README quick start ($quickstart_lines lines) compiles"
echo "client consumer first build: $((end - start)) s (generator with OpenAPIKit and Yams included)"
