#!/usr/bin/env bash
# The `diff` command end to end: the spec against itself is compatible (exit 0); a spec
# with an operation removed is breaking (exit 1, the change listed).
set -euo pipefail
cd "$(dirname "$0")/.."
codegen=.build/debug/handoffrail-codegen
[ -x "$codegen" ] || swift build --product handoffrail-codegen
"$codegen" diff spec/handoffrail.yaml spec/handoffrail.yaml
broken=$(mktemp --suffix=.yaml)
trap 'rm -f "$broken"' EXIT
python3 - spec/handoffrail.yaml "$broken" <<'PY'
import sys
text = open(sys.argv[1]).read()
start = text.index("  /api/v1/packets/{packet_id}/history:\n")
end = text.index("\n  /", start + 1) + 1
open(sys.argv[2], "w").write(text[:start] + text[end:])
PY
set +e
output=$("$codegen" diff spec/handoffrail.yaml "$broken")
status=$?
set -e
echo "$output" | tail -3
if [ "$status" -ne 1 ] || ! echo "$output" | grep -q "history"; then
  echo "FAIL: removing an operation must be reported as breaking (exit 1), got exit $status" >&2
  exit 1
fi
echo "diff command check passed"
