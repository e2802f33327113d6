#!/usr/bin/env bash
# One entry point for newcomers, CI and technicians:
#   ./dev.sh demo    set up (first time) and start the app on embedded defaults
#   ./dev.sh test    set up (first time) and run lint, type checks, architecture contracts, the tests,
#                    and (without arguments) the packaging tests: wheel, fresh install, frozen build
#   ./dev.sh bench   run the benchmarks in tests/benchmarks/ and print their figures
#   ./dev.sh translations   refresh resources/translations/*.ts and compile the .qm files
#   ./dev.sh lock    refresh installer/requirements-*lock.txt (locked, hashed dependencies of installs and builds)
set -euo pipefail
cd "$(dirname "$0")"

PY=${PYTHON:-python3}
VENV=.venv

# System libraries Qt needs on Linux (even offscreen), and a CJK font for the virtual printer's pictures.
SYSTEM_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libfontconfig1 libdbus-1-3 fonts-wqy-microhei)
# What Qt's xcb platform plugin loads to show a real window (the tests run offscreen without them).
WINDOW_PACKAGES=(libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0
                 libxcb-xinerama0 libxcb-xkb1)

ensure_system_packages() {
  [ "$(uname -s)" = Linux ] || return 0
  command -v dpkg >/dev/null 2>&1 || return 0
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "missing system packages: ${missing[*]} (install them with apt-get as root)" >&2; return 0
    fi
  fi
  echo "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    echo "creating $VENV"
    "$PY" -m venv "$VENV"
  fi
  local stamp="$VENV/.installed-$(cat pyproject.toml setup.py | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    echo "installing the app and its development tools into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
    "$VENV/bin/python" -m pip install -q -e ".[dev]"
    rm -f "$VENV"/.installed-*
    touch "$stamp"
  fi
}

cmd=${1:-help}
shift || true
case "$cmd" in
  demo)
    ensure_system_packages "${SYSTEM_PACKAGES[@]}" "${WINDOW_PACKAGES[@]}"
    ensure_venv
    if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [[ " $* " != *" --headless "* ]]; then
      # Qt cannot open a window without a display: run the same demo headless rather than fail.
      echo "no display found: starting the demo headless (receipts still flow to the virtual printer;"
      echo "events are logged below). Run it from a desktop session, or under xvfb-run, to see the window."
      set -- --headless "$@"
    fi
    exec "$VENV/bin/cashier-app" --demo "$@"
    ;;
  test)
    ensure_system_packages "${SYSTEM_PACKAGES[@]}"
    ensure_venv
    export QT_QPA_PLATFORM=offscreen
    echo "== ruff"; "$VENV/bin/ruff" check cashier_app tests setup.py installer
    echo "== mypy"; "$VENV/bin/mypy"
    echo "== import contracts"; "$VENV/bin/lint-imports"
    echo "== pytest"; "$VENV/bin/pytest" -q "$@"
    if [ $# -eq 0 ]; then
      # The app as a store gets it: the wheel in a fresh venv outside this tree, the frozen folder moved.
      echo "== packaging"; "$VENV/bin/pytest" -q -m packaging tests/packaging
    fi
    ;;
  bench)
    ensure_system_packages "${SYSTEM_PACKAGES[@]}"
    ensure_venv
    export QT_QPA_PLATFORM=offscreen
    status=0
    for bench in tests/benchmarks/bench_*.py; do
      echo "== $bench"; "$VENV/bin/python" "$bench" "$@" || status=1
    done
    exit $status
    ;;
  lock)
    # The locked, hashed dependency sets of installs and installer builds, for Windows and Linux at once:
    # installer/requirements-lock.txt (the app + what builds its wheel: install.sh) and
    # installer/requirements-freeze-lock.txt (the same versions + PyInstaller: installer/build.py).
    ensure_venv
    "$VENV/bin/python" -m pip install -q "uv>=0.5,<1"
    compile=("$VENV/bin/uv" pip compile --universal --generate-hashes --python-version 3.11
             --index-url https://pypi.org/simple --custom-compile-command "./dev.sh lock")
    "${compile[@]}" pyproject.toml installer/build-tools.in -o installer/requirements-lock.txt "$@"
    "${compile[@]}" pyproject.toml installer/build-tools.in installer/freeze-tools.in \
      -c installer/requirements-lock.txt -o installer/requirements-freeze-lock.txt "$@"
    ;;
  translations)
    ensure_venv
    "$VENV/bin/python" -m cashier_app.ui.translations_build
    ;;
  *)
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
    ;;
esac
