#!/usr/bin/env bash
# Set up everything and run Evidence Curator, or its checks, on a fresh machine.
#
#   ./dev.sh run [curator options]   launch the app on the bundled seeds (default database)
#   ./dev.sh test [pytest options]   lint, import contracts, types, and the test suite (headless)
#
# Both create ./.venv when it is missing, install the project pinned in pyproject.toml,
# and install the system libraries Qt needs when they are missing (as root; otherwise
# they print the exact apt-get command to run).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
venv="$here/.venv"
python="${PYTHON:-python3}"

# Libraries Qt's offscreen platform needs (tests, screenshots) and a real window adds.
offscreen_libs=(libgl1 libegl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libx11-6
    libxkbcommon0 fonts-dejavu-core)
window_libs=(xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1
    libxkbcommon-x11-0 libx11-xcb1)

say() { printf '%s\n' "dev.sh: $*" >&2; }

ensure_system_libs() {
    command -v dpkg-query >/dev/null 2>&1 || return 0  # not Debian/Ubuntu: see README
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then
        say "installing system libraries for Qt: ${missing[*]}"
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends "${missing[@]}") >&2
    else
        say "Qt needs system libraries that are missing. Run this once, then try again:"
        printf '    sudo sh -c "%s"\n' "$cmd" >&2
        exit 1
    fi
}

ensure_venv() {
    local extra="$1" stamp="$venv/.installed-$1"
    if [ ! -x "$venv/bin/python" ]; then
        "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
            say "Python 3.11 or newer is needed ($python is $("$python" --version 2>&1))"; exit 1; }
        say "creating the virtual environment in .venv"
        "$python" -m venv "$venv" || {
            say "could not create a virtual environment; on Debian: apt-get install python3-venv"
            exit 1; }
    fi
    # Reinstall when pyproject.toml changed since the last install.
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        say "installing Evidence Curator and its pinned dependencies ($extra)"
        "$venv/bin/python" -m pip install -qq --disable-pip-version-check --upgrade pip >&2
        "$venv/bin/python" -m pip install -qq --disable-pip-version-check -e ".$extra" >&2
        touch "$stamp"
    fi
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
run)
    ensure_system_libs "${offscreen_libs[@]}" "${window_libs[@]}"
    ensure_venv ""
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [[ " $* " != *" --screenshot"* ]] \
        && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        say "no display found. Run the window on a virtual screen:  xvfb-run -a ./dev.sh run"
        say "or render it to a picture:                          ./dev.sh run --screenshot shot.png"
        exit 2
    fi
    exec "$venv/bin/curator" "$@"
    ;;
test)
    ensure_system_libs "${offscreen_libs[@]}"
    ensure_venv "[test,packaging]"
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    bin="$venv/bin"
    say "ruff"
    "$bin/ruff" check --output-format concise .
    "$bin/ruff" format --check .
    say "import contracts"
    "$bin/lint-imports" --no-cache --no-logo
    say "mypy"
    "$bin/mypy" curator
    say "pytest"
    exec "$bin/python" -m pytest "$@"
    ;;
*)
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
