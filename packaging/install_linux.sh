#!/usr/bin/env bash
# Install the built one-folder app for one user (or system-wide) with its desktop entry,
# AppStream metainfo and icons, so it appears in the application menu.
#
#   packaging/install_linux.sh [APP_DIR] [PREFIX]
#     APP_DIR  default build/bundle/dist/evidence-curator (packaging/build_bundle.sh)
#     PREFIX   default ~/.local (as root: /usr/local)
#
# Copies APP_DIR to PREFIX/lib/evidence-curator, links PREFIX/bin/curator to it, and
# installs share/applications, share/metainfo and share/icons/hicolor files.
# Uninstall: packaging/install_linux.sh --uninstall [PREFIX]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
id=org.evidencecurator.EvidenceCurator
default_prefix="$HOME/.local"
[ "$(id -u)" -eq 0 ] && default_prefix=/usr/local

if [ "${1:-}" = "--uninstall" ]; then
    prefix="${2:-$default_prefix}"
    rm -rf "$prefix/lib/evidence-curator"
    rm -f "$prefix/bin/curator" "$prefix/share/applications/$id.desktop" \
        "$prefix/share/metainfo/$id.metainfo.xml"
    find "$prefix/share/icons/hicolor" -name 'evidence-curator.*' -delete 2>/dev/null || true
    echo "install_linux: removed Evidence Curator from $prefix"
    exit 0
fi

app="${1:-$here/../build/bundle/dist/evidence-curator}"
prefix="${2:-$default_prefix}"
[ -x "$app/curator" ] || { echo "install_linux: no $app/curator; build it first" >&2; exit 1; }
app="$(cd "$app" && pwd)"

mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/metainfo"
rm -rf "$prefix/lib/evidence-curator"
cp -a "$app" "$prefix/lib/evidence-curator"
ln -sfn "$prefix/lib/evidence-curator/curator" "$prefix/bin/curator"
# The entry runs the installed binary by its full path (PREFIX/bin may not be on PATH).
sed -e "s|^Exec=curator|Exec=$prefix/bin/curator|" \
    -e "s|^TryExec=curator|TryExec=$prefix/bin/curator|" \
    "$here/linux/$id.desktop" > "$prefix/share/applications/$id.desktop"
cp "$here/linux/$id.metainfo.xml" "$prefix/share/metainfo/"
(cd "$here/icons" && find hicolor -type f -name 'evidence-curator.*' -print0 \
    | while IFS= read -r -d '' icon; do
        mkdir -p "$prefix/share/icons/$(dirname "$icon")"
        cp "$icon" "$prefix/share/icons/$icon"
    done)
command -v update-desktop-database >/dev/null && \
    update-desktop-database -q "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && \
    gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" 2>/dev/null || true
echo "install_linux: installed in $prefix (run: $prefix/bin/curator, or the application menu)"
