#!/usr/bin/env bash
# Removes 收银伴侣 Cashier Companion for the current user (install.sh copies this script into the
# program folder). The journal, configuration, logs and the stored platform key are kept unless
# --purge is given, so a later installation carries on where this one stopped.
#
#   PREFIX/cashier-app/uninstall.sh [--purge]
set -euo pipefail

program="$(cd "$(dirname "$0")" && pwd)"
purge=0
case "${1:-}" in
  --purge) purge=1 ;;
  "") ;;
  -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "unknown option: $1 (only --purge)" >&2; exit 2 ;;
esac
exe="$program/current/bin/cashier-app"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
config_home="${XDG_CONFIG_HOME:-$HOME/.config}"

if command -v systemctl >/dev/null 2>&1 && [ -f "$config_home/systemd/user/cashier-app.service" ]; then
  systemctl --user disable --now cashier-app.service 2>/dev/null || true
fi
folders=""
if [ -x "$exe" ]; then
  "$exe" quit --timeout 60 || { echo "the running app did not close; close it and try again" >&2; exit 1; }
  folders="$("$exe" config path --all)"
  if [ "$purge" = 1 ]; then
    "$exe" credentials delete >/dev/null 2>&1 || true
  fi
fi

rm -f "$config_home/systemd/user/cashier-app.service" "$config_home/autostart/cashier-app.desktop" \
  "$data_home/applications/cashier-app.desktop" "$data_home/icons/hicolor/scalable/apps/cashier-app.svg" \
  "$data_home/icons/hicolor/256x256/apps/cashier-app.png"
link="$HOME/.local/bin/cashier-app"
if [ -L "$link" ] && [ "$(readlink "$link")" = "$exe" ]; then rm -f "$link"; fi

if [ "$purge" = 1 ]; then
  # Each folder the app reported (config file's folder, data, logs, cache, the key file's folder).
  while IFS= read -r line; do
    path="${line#*: }"
    case "$line" in
      config:*) path="$(dirname "$path")" ;;
    esac
    case "$path" in
      */cashier-app/*) path="${path%/cashier-app/*}/cashier-app" ;;
    esac
    case "$path" in
      */cashier-app|*/cashier-app-credentials) rm -rf "$path" ;;
      "") ;;
      *) echo "kept $path: a folder of the store's own choosing, not the app's" ;;
    esac
  done <<<"$folders"
  echo "removed the program and all its data"
else
  echo "removed the program; kept the data (remove it with --purge):"
  printf '  %s\n' "$folders" | sed '/^  $/d'
fi
rm -rf "$program"
