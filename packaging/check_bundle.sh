#!/usr/bin/env bash
# Check the built one-folder app: it starts headless, renders the window and exits 0.
#
#   packaging/check_bundle.sh [APP_DIR]    # default: build/bundle/dist/evidence-curator
#
# Runs, outside the source tree and with a fresh database and settings:
#   curator --version                                  (prints the packaged version)
#   curator --db TMP/curation.sqlite --screenshot TMP/shot.png
# (first start: migrations, the bundled seeds imported and extracted, a PNG written),
#   curator plot --kind forest|rules|progress, curator --view forest --screenshot
# and prints how long the screenshot run took. About 10 s here; not part of pytest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="${1:-$root/build/bundle/dist/evidence-curator}"
exe="$app/curator"
[ -x "$exe" ] || { echo "check_bundle: no $exe; run packaging/build_bundle.sh" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"  # never the source tree: the bundle must carry everything it opens
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
export QT_QPA_PLATFORM=offscreen CURATOR_NAME=check
unset CURATOR_DB PYTHONPATH PYTHONHOME

want="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/pyproject.toml" | head -1)"
got="$("$exe" --version)"
echo "check_bundle: $got"
[ "$got" = "Evidence Curator $want" ] || {
    echo "check_bundle: expected version $want (pyproject.toml)" >&2; exit 1; }

start=$(date +%s%N)
status=0
"$exe" --db "$tmp/curation.sqlite" --screenshot "$tmp/shot.png" || status=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$status" -eq 0 ] || { echo "check_bundle: --screenshot exited $status" >&2; exit 1; }
[ -s "$tmp/shot.png" ] || { echo "check_bundle: no screenshot written" >&2; exit 1; }
docs="$("$exe" export --db "$tmp/curation.sqlite" --out "$tmp/export" >/dev/null \
    && tail -n +2 "$tmp/export/documents.csv" | grep -c . || true)"
[ "$docs" -ge 5 ] || { echo "check_bundle: expected the 5 seeds in the database" >&2; exit 1; }
# the insight views (numpy, pyqtgraph, QtSvg in the bundle): a picture of each, and the
# window with the forest plot shown
for kind in forest rules progress; do
    "$exe" plot --db "$tmp/curation.sqlite" --kind "$kind" --out "$tmp/$kind.svg" >/dev/null \
        || { echo "check_bundle: curator plot --kind $kind failed" >&2; exit 1; }
    grep -q "<svg" "$tmp/$kind.svg" || { echo "check_bundle: $kind.svg is no SVG" >&2; exit 1; }
done
"$exe" --db "$tmp/curation.sqlite" --view forest --screenshot "$tmp/forest.png" \
    || { echo "check_bundle: --view forest --screenshot failed" >&2; exit 1; }
if [ -n "${CURATOR_KEEP_SHOT:-}" ]; then cp "$tmp/shot.png" "$CURATOR_KEEP_SHOT"; fi
echo "check_bundle: OK: --screenshot exited 0 in ${ms} ms ($docs seed documents," \
    "$(stat -c %s "$tmp/shot.png") byte PNG)"
