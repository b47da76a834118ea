#!/usr/bin/env bash
# Make sure the browser tests have a Chromium: Debian's package where apt-get can
# install it, otherwise Playwright's own download. Fails loudly; never skips tests.
set -euo pipefail
python="${1:-python3}"

if [ -n "${TILLITSKURSEN_CHROMIUM:-}" ] && [ -x "$TILLITSKURSEN_CHROMIUM" ]; then
  exit 0
fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then
    exit 0
  fi
done
if command -v apt-get >/dev/null 2>&1; then
  echo "Installerar Chromium med apt-get (krävs för webbläsartesterna) …"
  sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  if $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; then
    exit 0
  fi
  echo "apt-get kunde inte installera chromium." >&2
fi
echo "Försöker med Playwrights egen Chromium (python -m playwright install chromium) …"
if "$python" -m playwright install chromium; then
  exit 0
fi
cat >&2 <<'MSG'
FEL: Ingen Chromium hittades och ingen kunde installeras.
Webbläsartesterna behöver en Chromium. Installera den på något av dessa sätt och kör igen:
  - Debian/Ubuntu:  sudo apt-get install -y chromium
  - annars:         .venv/bin/python -m playwright install chromium
  - eller peka ut en befintlig: export TILLITSKURSEN_CHROMIUM=/sökväg/till/chromium
MSG
exit 1
