#!/usr/bin/env bash
# Installs (or upgrades in place) 收银伴侣 Cashier Companion for the current user on Linux.
#
#   installer/linux/install.sh [--prefix DIR] [--autostart] [--service] [--headless] [--check-only]
#
#   --prefix DIR   where the program folder goes (default ~/.local/opt; the program is DIR/cashier-app)
#   --autostart    start the window when this user logs in (XDG autostart)
#   --service      run the app headless as a systemd user service that restarts on failure
#                  (for a till without a desktop; `loginctl enable-linger USER` starts it at boot)
#   --headless     the till has no display: skip the check for the libraries a window needs
#   --check-only   only check the Qt system libraries, install nothing
#
# The program lives in its own folder, apart from the data: the journal, configuration and logs stay
# in the user's data, config and state folders (`cashier-app config path --all`) and survive upgrades
# and uninstalls. An upgrade asks the running app to close (`cashier-app quit`), installs the new
# version beside the old one, switches to it, starts the service again if it was running, and the
# app migrates its journal when it next opens it. Dependencies come from the locked, hashed set in
# installer/requirements-lock.txt. Uninstall: PREFIX/cashier-app/uninstall.sh [--purge].
set -euo pipefail

src="$(cd "$(dirname "$0")/../.." && pwd)"
prefix="$HOME/.local/opt"
autostart=0 service=0 headless=0 check_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --autostart) autostart=1; shift ;;
    --service) service=1; shift ;;
    --headless) headless=1; shift ;;
    --check-only) check_only=1; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

program="$prefix/cashier-app"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
config_home="${XDG_CONFIG_HOME:-$HOME/.config}"
bin_dir="$HOME/.local/bin"

# -- Qt's system libraries ------------------------------------------------------------------------
# library -> Debian/Ubuntu package. Qt needs the first group even without a window (offscreen,
# headless service); a window needs the xcb group too.
BASE_LIBS="libEGL.so.1:libegl1 libGL.so.1:libgl1 libxkbcommon.so.0:libxkbcommon0 libfontconfig.so.1:libfontconfig1
 libdbus-1.so.3:libdbus-1-3"
WINDOW_LIBS="libxkbcommon-x11.so.0:libxkbcommon-x11-0 libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4
 libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-image.so.0:libxcb-image0 libxcb-render-util.so.0:libxcb-render-util0
 libxcb-shape.so.0:libxcb-shape0 libxcb-randr.so.0:libxcb-randr0 libxcb-xinerama.so.0:libxcb-xinerama0
 libxcb-xkb.so.1:libxcb-xkb1"

check_qt_libraries() {
  local wanted="$BASE_LIBS" known missing=()
  [ "$headless" = 1 ] || wanted="$wanted $WINDOW_LIBS"
  known="$( (ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true) | awk '{print $1}')"
  for entry in $wanted; do
    grep -qxF "${entry%%:*}" <<<"$known" || missing+=("${entry#*:}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "缺少 Qt 所需的系统库 / missing system libraries Qt needs: ${missing[*]}" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    [ "$headless" = 1 ] || echo "  (a till without a display: --headless needs fewer)" >&2
    return 1
  fi
  echo "Qt system libraries: ok"
}

check_qt_libraries
[ "$check_only" = 1 ] && exit 0

python="${PYTHON:-python3}"
export PIP_DISABLE_PIP_VERSION_CHECK=1
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "Python 3.11 or newer is needed ($python is $("$python" --version 2>&1))" >&2; exit 1; }

# -- close the running app (an upgrade) -------------------------------------------------------------
was_service=0
if command -v systemctl >/dev/null 2>&1 && systemctl --user is-active --quiet cashier-app.service 2>/dev/null; then
  was_service=1
  systemctl --user stop cashier-app.service
fi
# The first installers put the program inside the data folder: it moves out, the data stays.
legacy="$data_home/cashier-app/venv"
for running in "$program/current/bin/cashier-app" "$legacy/bin/cashier-app"; do
  if [ -x "$running" ]; then
    "$running" quit --timeout 60 \
      || { echo "the running app did not close; close it and run the installer again" >&2; exit 1; }
  fi
done

# -- the new version, beside the old one ------------------------------------------------------------
version="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$src/cashier_app/__init__.py")"
target="$program/versions/$version-$(date +%Y%m%d%H%M%S)"
mkdir -p "$program/versions"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The wheel is built from a copy: the source folder may be read-only, and gets no build files.
tar -C "$src" --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist --exclude='*.egg-info' \
  --exclude=./tests --exclude=./docs -cf - . | tar -C "$work" -xf -
# A venv's scripts name its folder: it is built where it stays, and `current` is switched to it.
"$python" -m venv "$target"
# Joined by && : inside a group tested with ||, bash's `set -e` would not stop at a failed step.
"$target/bin/python" -m pip install -q --require-hashes --no-deps -r "$src/installer/requirements-lock.txt" \
  && "$target/bin/python" -m pip wheel -q --no-deps --no-build-isolation -w "$work/wheel" "$work" \
  && "$target/bin/python" -m pip install -q --no-deps "$work"/wheel/cashier_app-*.whl \
  && "$target/bin/python" -m pip check >/dev/null \
  && [ -x "$target/bin/cashier-app" ] \
  || { echo "installation failed; the installed version (if any) is unchanged" >&2; rm -rf "$target"; exit 1; }

ln -sfn "$target" "$program/current.new" && mv -T "$program/current.new" "$program/current"
for old in "$program"/versions/*; do
  [ "$old" = "$target" ] || rm -rf "$old"
done
rm -rf "$legacy"
install -m 755 "$src/installer/linux/uninstall.sh" "$program/uninstall.sh"

# -- command, icon, menu entry ----------------------------------------------------------------------
exe="$program/current/bin/cashier-app"
mkdir -p "$bin_dir" "$data_home/applications" "$data_home/icons/hicolor/scalable/apps" \
  "$data_home/icons/hicolor/256x256/apps"
ln -sfn "$exe" "$bin_dir/cashier-app"
install -m 644 "$src/resources/icons/app.svg" "$data_home/icons/hicolor/scalable/apps/cashier-app.svg"
install -m 644 "$src/resources/icons/app-256.png" "$data_home/icons/hicolor/256x256/apps/cashier-app.png"
desktop="$data_home/applications/cashier-app.desktop"
sed "s|^Exec=.*|Exec=\"$exe\"|" "$src/installer/linux/cashier-app.desktop" > "$desktop"
chmod 644 "$desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true

if [ "$autostart" = 1 ]; then
  mkdir -p "$config_home/autostart"
  install -m 644 "$desktop" "$config_home/autostart/cashier-app.desktop"
fi

# -- headless service -------------------------------------------------------------------------------
unit_dir="$config_home/systemd/user"
if [ "$service" = 1 ] || [ -f "$unit_dir/cashier-app.service" ]; then
  mkdir -p "$unit_dir"
  sed "s|@EXE@|$exe|g" "$src/installer/linux/cashier-app.service" > "$unit_dir/cashier-app.service"
  chmod 644 "$unit_dir/cashier-app.service"
  if command -v systemctl >/dev/null 2>&1 && systemctl --user daemon-reload 2>/dev/null; then
    if [ "$service" = 1 ]; then systemctl --user enable --now cashier-app.service; fi
    if [ "$was_service" = 1 ]; then systemctl --user restart cashier-app.service; fi
  else
    echo "no systemd user session here: the service is written to $unit_dir/cashier-app.service;"
    echo "  enable it in the user's session with: systemctl --user enable --now cashier-app.service"
  fi
fi

echo "installed $version in $program"
echo "  command:   $bin_dir/cashier-app (add $bin_dir to PATH if it is not)"
echo "  data (kept by upgrades and uninstalls):"
"$exe" config path --all | sed 's/^/    /'
echo "  uninstall: $program/uninstall.sh [--purge]"
echo "Store the platform key:  cashier-app credentials set"
