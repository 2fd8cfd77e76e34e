#!/usr/bin/env bash
# Set up everything ppid-pipeline needs on a fresh Debian 12 machine: LibreOffice (headless), the UNO
# bridge, the fonts that Word documents expect, and a virtualenv with the package installed.
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libreoffice-writer-nogui python3-uno python3-venv python3-pip
  fonts-liberation fonts-crosextra-carlito fonts-crosextra-caladea
  libreoffice-calc-nogui poppler-utils
)
EXTRA=("$@")   # e.g. "test" to install the test extras
# The tests drive the archive page in a real browser.
[[ " ${EXTRA[*]} " == *" test "* ]] && APT_PACKAGES+=(chromium)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing system packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The UNO bridge exists only for Debian's own python3, so the virtualenv is made from it and sees
# its site-packages (libreoffice-notes.md, trap 5).
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import uno" 2>/dev/null; then
  rm -rf .venv
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
spec="."
if ((${#EXTRA[@]})); then spec=".[$(IFS=,; echo "${EXTRA[*]}")]"; fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e "$spec"
echo "setup: ready ($(.venv/bin/ppid --version); $(soffice --version | head -1))"
