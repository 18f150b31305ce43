#!/usr/bin/env bash
# Proves the build plugin re-runs when the spec changes: adds a schema to the spec,
# rebuilds HandoffRailModels, looks for the new type in the plugin's output, then restores
# the spec and rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."
spec=spec/handoffrail.yaml
backup=$(mktemp)
cp "$spec" "$backup"
restore() { cp "$backup" "$spec"; rm -f "$backup"; }
trap restore EXIT
python3 - "$spec" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
marker = "\n  schemas:\n"
probe = "\n  schemas:\n    PluginRebuildProbe:\n      description: Added by check-plugin-rebuild.sh.\n      type: object\n      properties:\n        probe_field: {type: string}\n"
assert marker in text, "no components.schemas in spec"
open(path, "w").write(text.replace(marker, probe, 1))
PY
swift build --target HandoffRailModels
generated=$(find .build -path '*HandoffRailCodegenPlugin*' -name Types.swift -path '*HandoffRailModels*' | head -1)
if ! grep -q "public struct PluginRebuildProbe" "$generated"; then
  echo "FAIL: the plugin did not regenerate $generated after the spec changed" >&2
  exit 1
fi
echo "plugin regenerated $generated after a spec change"
restore
trap - EXIT
swift build --target HandoffRailModels
if grep -q "PluginRebuildProbe" "$generated"; then
  echo "FAIL: the probe type survived restoring the spec" >&2
  exit 1
fi
echo "plugin rebuild check passed"
