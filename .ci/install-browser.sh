#!/usr/bin/env bash
# Installs Debian's Chromium for the browser test of the live preview
# (tests/preview_browser.rs drives it headless over the DevTools protocol). Idempotent; run
# as root. The test finds it as `chromium` on PATH, or through CHROMIUM.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! dpkg -s chromium >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-crosextra-carlito
fi
# The Debian wrapper script prints a harmless shell warning on some machines; the version
# line is what matters.
chromium --version 2>/dev/null | grep -i chromium
