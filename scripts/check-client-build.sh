#!/usr/bin/env bash
# Builds the HandoffRailClient product the way an SDK consumer does: a fresh package that
# depends on this one and imports only HandoffRailClient, in a clean scratch directory.
# Times that first build (it includes the generator, run by the build plugin, with its
# OpenAPIKit and Yams) and fails if any server-side module (SwiftNIO, Hummingbird, GRDB,
# PostgresNIO) was compiled.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
consumer=$(mktemp -d)
trap 'rm -rf "$consumer"' EXIT
mkdir -p "$consumer/Sources/Consumer"
cat > "$consumer/Package.swift" <<SWIFT
// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "Consumer",
    dependencies: [.package(name: "HandoffRail", path: "$root")],
    targets: [.executableTarget(name: "Consumer", dependencies: [.product(name: "HandoffRailClient", package: "HandoffRail")])]
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
start=$(date +%s)
swift build --package-path "$consumer" 2>&1 | tail -3
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
echo "client consumer first build: $((end - start)) s (generator with OpenAPIKit and Yams included)"
