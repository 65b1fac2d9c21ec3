#!/usr/bin/env bash
# Build the one-folder app with PyInstaller: build/bundle/dist/evidence-curator/curator
#
#   packaging/build_bundle.sh            # the app, with unneeded Qt modules excluded
#   CURATOR_BUNDLE_EXCLUDES=0 packaging/build_bundle.sh   # without excludes (to compare)
#
# Needs the packaging extra in the venv: .venv/bin/python -m pip install -e ".[packaging]"
# Prints the build time and the bundle size. Then check it: packaging/check_bundle.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-$root/.venv/bin/python}"
out="${CURATOR_BUNDLE_DIR:-$root/build/bundle}"
cd "$root"
"$python" -c 'import PyInstaller' 2>/dev/null || {
    echo "build_bundle: PyInstaller is missing: $python -m pip install -e '.[packaging]'" >&2
    exit 1; }
SECONDS=0
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$out/dist" --workpath "$out/work" packaging/curator.spec
app="$out/dist/evidence-curator"
printf 'build_bundle: %s built in %d s, %s (%s files)\n' "$app" "$SECONDS" \
    "$(du -sh "$app" | cut -f1)" "$(find "$app" -type f | wc -l)"
