#!/usr/bin/env bash
# Builds the DocC documentation of the HandoffRailClient product and fails on any DocC
# warning (unresolved symbol links, missing snippets, bad directives, …).
#
#   scripts/build-docs.sh [output.doccarchive]     (default: .build/docs/HandoffRailClient.doccarchive)
#
# Steps: build the HandoffRailClient target (normal flags, so the shared .build is reused),
# extract its public symbol graph from the built module with swift-symbolgraph-extract,
# turn Snippets/*.swift into the snippet symbol graph with the `snippet-extract` tool of
# swift-docc-plugin (built once into .build/docs-tools, pinned tag), then `docc convert`
# the catalog Sources/HandoffRailClient/HandoffRailClient.docc with both graphs.
# Needs: swift, docc (both in the toolchain), git (first run only, to fetch the tool).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
output=${1:-$root/.build/docs/HandoffRailClient.doccarchive}
plugin_tag=1.5.0
tools=$root/.build/docs-tools
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s)

swift build --target HandoffRailClient 2>&1 | grep -E "error|Build" | tail -5
modules="$(swift build --show-bin-path)/Modules"
mkdir -p "$work/symbol-graphs"
target_triple=$(swift -print-target-info | python3 -c 'import json,sys; print(json.load(sys.stdin)["target"]["triple"])')
swift symbolgraph-extract -module-name HandoffRailClient -I "$modules" -target "$target_triple" \
  -minimum-access-level public -skip-inherited-docs -output-dir "$work/symbol-graphs"

snippet_extract=$tools/swift-docc-plugin-$plugin_tag/.build/release/snippet-extract
if [ ! -x "$snippet_extract" ]; then
  rm -rf "$tools/swift-docc-plugin-$plugin_tag"
  mkdir -p "$tools"
  git -c advice.detachedHead=false clone -q --depth 1 --branch "$plugin_tag" \
    https://github.com/swiftlang/swift-docc-plugin "$tools/swift-docc-plugin-$plugin_tag"
  swift build -c release --package-path "$tools/swift-docc-plugin-$plugin_tag" --product snippet-extract 2>&1 | tail -1
fi
snippets=("$root"/Snippets/*.swift)
"$snippet_extract" --output "$work/symbol-graphs/HandoffRail-snippets.symbols.json" --module-name HandoffRail "${snippets[@]}"

rm -rf "$output"
mkdir -p "$(dirname "$output")"
docc convert Sources/HandoffRailClient/HandoffRailClient.docc \
  --additional-symbol-graph-dir "$work/symbol-graphs" \
  --fallback-display-name HandoffRailClient \
  --fallback-bundle-identifier org.handoffrail.HandoffRailClient \
  --output-path "$output" \
  --diagnostics-file "$work/diagnostics.json" >"$work/docc.log" 2>&1 || { cat "$work/docc.log"; exit 1; }

# Unresolved symbols, links and snippets (and any error) fail the build; other warnings
# (e.g. an undocumented parameter) are listed but do not fail it.
python3 - "$work/diagnostics.json" >"$work/problems.txt" <<'PY'
import json, sys
unresolved = ("doesn't exist at", "can't be linked", "couldn't be found", "is ambiguous", "unresolved", "no symbol")
fatal = 0
for d in json.load(open(sys.argv[1])).get("diagnostics", []):
    severity, summary = d.get("severity"), d.get("summary", "")
    if severity not in ("warning", "error"):
        continue
    where = (d.get("source") or "").replace("file://", "")
    line = (d.get("range") or {}).get("start", {}).get("line", "")
    is_fatal = severity == "error" or any(marker in summary.lower() for marker in unresolved)
    fatal += is_fatal
    print(f'{where}:{line}: {"error" if is_fatal else "note"}: {summary}')
print(f"fatal={fatal}")
PY
end=$(date +%s)
fatal=$(sed -n 's/^fatal=//p' "$work/problems.txt")
grep -v '^fatal=' "$work/problems.txt" >&2 || true
if [ "$fatal" != 0 ]; then
  echo "FAIL: DocC reported $fatal unresolved symbol(s), link(s) or snippet(s)" >&2
  exit 1
fi
echo "documentation: $output ($((end - start)) s)"
