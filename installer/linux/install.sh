#!/usr/bin/env bash
# Installs the app for the current user on Linux: a virtual environment under ~/.local/share,
# the command in ~/.local/bin, a menu entry and autostart (~/.config/autostart, as Vorta does).
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
prefix="${XDG_DATA_HOME:-$HOME/.local/share}/cashier-app"
python3 -m venv "$prefix/venv"
"$prefix/venv/bin/pip" install -q "$src"
mkdir -p "$HOME/.local/bin" "$HOME/.local/share/applications" "${XDG_CONFIG_HOME:-$HOME/.config}/autostart"
ln -sf "$prefix/venv/bin/cashier-app" "$HOME/.local/bin/cashier-app"
install -m 644 "$src/installer/linux/cashier-app.desktop" "$HOME/.local/share/applications/"
if [ "${1:-}" = "--autostart" ]; then
  install -m 644 "$src/installer/linux/cashier-app.desktop" "${XDG_CONFIG_HOME:-$HOME/.config}/autostart/"
fi
echo "installed. Store the platform key:  cashier-app credentials set"
