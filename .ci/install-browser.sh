#!/usr/bin/env bash
# Installs Debian's Chromium for the browser test of the live preview
# (tests/preview_browser.rs drives it headless over the DevTools protocol). Idempotent; run
# as root. The test finds it as `chromium` on PATH, or through CHROMIUM.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
# "install ok installed": a package removed but not purged still answers `dpkg -s`.
if ! dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q "install ok installed"; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-crosextra-carlito
fi
# The Debian wrapper script prints a harmless shell warning on some machines; the version
# line is what matters.
chromium --version 2>/dev/null | grep -i chromium
