#!/usr/bin/env bash
# Installs the Windows cross-build and its run under wine: Debian's mingw-w64 (linker and
# C compiler for the test helpers), Debian's wine (64-bit), and Rust's
# x86_64-pc-windows-gnu standard library. Idempotent; run as root. About 50 s on a
# machine that has none of them (a 90 MB download).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need=()
for p in gcc-mingw-w64-x86-64 wine64; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if ((${#need[@]})); then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
if ! rustup target list --installed | grep -qx x86_64-pc-windows-gnu; then
  rustup target add x86_64-pc-windows-gnu
fi
x86_64-w64-mingw32-gcc --version | head -1
/usr/lib/wine/wine64 --version
