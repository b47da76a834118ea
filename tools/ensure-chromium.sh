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
  log="$(mktemp)"
  for attempt in 1 2 3; do
    # wait for a dpkg lock held by another apt run instead of failing at once
    if $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq >"$log" 2>&1 \
       && DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 \
            install -y -qq chromium >>"$log" 2>&1 \
       && [ -x /usr/bin/chromium ]; then
      echo "Chromium installerad: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
      rm -f "$log"
      exit 0
    fi
    echo "apt-get misslyckades (försök $attempt av 3):" >&2
    tail -n 15 "$log" >&2
    sleep $(( attempt * 10 ))
  done
  rm -f "$log"
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
