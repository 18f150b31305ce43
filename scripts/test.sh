#!/usr/bin/env bash
# The whole test suite (README's second command; .ci/run calls it).
#  1. spec + fixtures are checked with Python's openapi-spec-validator and jsonschema (venv);
#  2. the client SDK product is built alone, in its own scratch directory, as a consumer
#     would: it must compile no SwiftNIO, Hummingbird, GRDB or PostgresNIO module;
#  3. everything is built and every Swift test runs (JSON Schema suite results printed): unit,
#     service and store tests on real SQLite files, end-to-end tests over real sockets;
#  4. wire compatibility: the real Python SDK (handoffrail-sdk 0.3.0 from PyPI) drives
#     `handoffrail serve` through tests/python/sdk_scenario.py, and its SSE and WebSocket
#     clients through tests/python/events_scenario.py;
#  4b. the agent adapters' output is checked with the frameworks' own Python libraries
#     (langchain-core, openai-agents, google-adk, crewai; scripts/check-python-agents.sh), and
#     `handoffrail mcp` is driven by the Python `mcp` client (scripts/check-mcp.sh);
#  5. the client SDK's DocC catalog converts without unresolved symbols, links or snippets;
#  6. the build plugin must regenerate code when the spec changes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

step() { printf '\n==> %s\n' "$*"; }

step "Spec and fixtures (Python validators)"
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/pip install --quiet --disable-pip-version-check "openapi-spec-validator>=0.7" "jsonschema>=4.20" "pyyaml>=6"
.venv/bin/python scripts/check-fixtures.py

step "Client SDK product alone (consumer build)"
scripts/check-client-build.sh

step "Build and run all tests"
swift build --build-tests
swift test --skip-build 2>&1 | tee .build/test-output.txt
grep -E "^(draft|JSON Schema suite)" .build/test-output.txt || true

step "Agent adapters against the frameworks' own Python libraries"
SKIP_SWIFT_BUILD=1 scripts/check-python-agents.sh

step "MCP server with a real MCP client (Python mcp 2.3.0)"
PYTHON=.venv-agents/bin/python HANDOFFRAIL_BIN="$(swift build --show-bin-path)/handoffrail" scripts/check-mcp.sh

step "Wire compatibility with the Python SDK (handoffrail-sdk 0.3.0)"
HANDOFFRAIL_BIN="$(swift build --show-bin-path)/handoffrail" scripts/check-python-sdk.sh

step "DocC documentation of the client SDK (no unresolved links or snippets)"
scripts/build-docs.sh

step "Build plugin regenerates on spec change"
scripts/check-plugin-rebuild.sh

step "Spec compatibility checker (command line)"
scripts/check-diff-command.sh
