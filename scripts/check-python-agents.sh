#!/usr/bin/env bash
# The agent adapters checked with the frameworks' own Python libraries (issue 6).
#
#   ./scripts/check-python-agents.sh
#
# 1. Installs the libraries into .venv-agents, pinned: openai-agents 0.24.0 and google-adk
#    2.13.0 made the samples in ../shared/data/agent-frameworks; langchain-core 1.8.2 made the
#    LangChain samples but needs a certifi newer than the package index here has, so 1.7.2
#    (same message and tool formats) is the newest that installs; mcp 2.3.0 is the MCP client;
#    crewai 1.15.30 (made the CrewAI samples) goes to .venv-crewai.
# 2. Runs the Swift suites whose names contain `Interop` with HANDOFFRAIL_AGENTS_EXPORT set:
#    they write what our codecs, tool encoders and history filters produce.
# 3. Runs every tests/python/agents/check_*.py on that directory (crewai/check_*.py in
#    .venv-crewai); each checks the exports with the real library and exits non-zero on the
#    first mismatch.
#
# Knobs: SKIP_SWIFT_BUILD=1 when the tests are already built (scripts/test.sh does that).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Python agent frameworks in .venv-agents"
if [ ! -x .venv-agents/bin/python ]; then python3 -m venv .venv-agents; fi
.venv-agents/bin/pip install --quiet --disable-pip-version-check \
    "langchain-core==1.7.2" "openai-agents==0.24.0" "google-adk==2.13.0" "mcp==2.3.0"
# crewai pins an `openai` older than openai-agents needs: it gets its own environment.
if [ ! -x .venv-crewai/bin/python ]; then python3 -m venv .venv-crewai; fi
.venv-crewai/bin/pip install --quiet --disable-pip-version-check "crewai==1.15.30"

export_dir=$(mktemp -d "${TMPDIR:-/tmp}/handoffrail-agents-export.XXXXXX")
trap 'rm -rf "$export_dir"' EXIT

step "Swift exports (suites named *Interop*)"
if [ -z "${SKIP_SWIFT_BUILD:-}" ]; then swift build --build-tests; fi
if HANDOFFRAIL_AGENTS_EXPORT="$export_dir" swift test --skip-build --filter Interop >"$export_dir/swift-test.log" 2>&1; then
    tail -n 2 "$export_dir/swift-test.log"
else
    cat "$export_dir/swift-test.log"
    exit 1
fi

step "Cross-checks with the real libraries"
status=0
for check in tests/python/agents/check_*.py; do
    echo "-- $check"
    .venv-agents/bin/python "$check" "$export_dir" || status=1
done
for check in tests/python/agents/crewai/check_*.py; do
    echo "-- $check"
    .venv-crewai/bin/python "$check" "$export_dir" || status=1
done
exit $status
