#!/usr/bin/env bash
# Windows as a first-class target: cross-compiles council-report.exe for
# x86_64-pc-windows-gnu with Debian's mingw-w64 and runs it under Debian's wine on the
# sample report, next to the Linux build of the same commit:
#
#   check, build (DOCX, text and digest byte-identical to Linux's, same SOURCE_DATE_EPOCH),
#   import of the built DOCX (the same files as Linux's import), new, renumber --dry-run,
#   paths with backslashes and a drive letter, entries with CRLF line ends, and a build
#   whose DOCX another program holds open as Word does (exit 2, the message naming the
#   file, every previous output unchanged, no temporary file left).
#
# Needs .ci/install-windows.sh. The Windows target dir is target/windows (WINDOWS_TARGET_DIR)
# so that it never waits on the lock of, or invalidates, the Linux one.
#
# Wine 8.0 (Debian 12) has no bcryptprimitives.dll, which Rust's standard library imports
# (ProcessPrng); .ci/windows/bcryptprimitives.c, built here with mingw and put beside the
# .exe for this test only, provides it. Shipped binaries never carry it: Windows has it.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
TARGET=x86_64-pc-windows-gnu
export CARGO_TARGET_DIR="${WINDOWS_TARGET_DIR:-$repo/target/windows}"
WINE="${WINE:-/usr/lib/wine/wine64}"
[[ -x "$WINE" ]] || WINE="$(command -v wine64 || command -v wine)"
export SOURCE_DATE_EPOCH=1521676800 # 2018-03-22, any fixed value: both builds get it

source .ci/lib.sh

phase "cross-build council-report.exe ($TARGET, release)"
cargo build --release --locked --target "$TARGET" --bin council-report
exe="$CARGO_TARGET_DIR/$TARGET/release/council-report.exe"

phase "Linux build of the same commit"
CARGO_TARGET_DIR="$repo/target" cargo build --release --locked --bin council-report
linux="$repo/target/release/council-report"

work="$(mktemp -d "${TMPDIR:-/tmp}/council-report-wine.XXXXXX")"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
cleanup() {
  WINEPREFIX="$work/prefix" "$(dirname "$WINE")/wineserver" -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

phase "test helpers with mingw: bcryptprimitives.dll shim, hold-open.exe"
mkdir -p "$work/bin"
cp "$exe" "$work/bin/council-report.exe"
x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bin/bcryptprimitives.dll" \
  .ci/windows/bcryptprimitives.c -ladvapi32
x86_64-w64-mingw32-gcc -O2 -o "$work/bin/hold-open.exe" .ci/windows/hold-open.c

phase "wine prefix"
"$WINE" wineboot -i >/dev/null 2>&1 || true

# win PATH: the Windows spelling of a Linux path (wine maps drive Z: to /).
win() { printf 'Z:%s' "${1//\//\\}"; }
# Runs the Windows binary in the current folder; stdout and stderr as given.
cr_win() { "$WINE" "$work/bin/council-report.exe" "$@"; }

mkdir -p "$work/linux" "$work/windows"
cp -r entries "$work/linux/entries"
cp -r entries "$work/windows/entries"

phase "--version"
v_win="$(cr_win --version | tr -d '\r')"
v_linux="$("$linux" --version)"
echo "windows: $v_win"
[[ "$v_win" == "$v_linux" ]] || fail "--version differs: $v_win vs $v_linux"

phase "check (a clean folder, then one with an error: the same diagnostics)"
(cd "$work/windows" && cr_win check --entries entries --color never) 2>"$work/check-win.txt"
(cd "$work/linux" && "$linux" check --entries entries --color never) 2>"$work/check-linux.txt"
cmp "$work/check-win.txt" "$work/check-linux.txt" || fail "check output differs"
for side in linux windows; do
  cp -r entries "$work/$side/bad"
  sed -i 's/^sector = "ITU-T"/sector = "ITU-X"/' "$work/$side/bad/2/2.09-itu-t-sg13.toml"
done
set +e
(cd "$work/windows" && cr_win check --entries bad --color never) 2>"$work/bad-win.txt"
code_win=$?
(cd "$work/linux" && "$linux" check --entries bad --color never) 2>"$work/bad-linux.txt"
code_linux=$?
set -e
[[ $code_win == 1 && $code_linux == 1 ]] || fail "check of bad entries: exit $code_win (Windows), $code_linux (Linux), expected 1"
diff "$work/bad-win.txt" "$work/bad-linux.txt" || fail "diagnostics differ"
grep -q 'entries/2/2.09-itu-t-sg13.toml\|bad/2/2.09-itu-t-sg13.toml' "$work/bad-win.txt" ||
  fail "the diagnostic does not name the file"

phase "build: a drive letter and backslashes in --entries and --out; byte-identical outputs"
(cd "$work/linux" && "$linux" build --entries entries --out out) >/dev/null
(cd "$work/windows" && cr_win build --entries "$(win "$work/windows/entries")" --out "$(win "$work/windows/out")") |
  tr -d '\r' >"$work/build-win.txt"
cat "$work/build-win.txt"
for f in C18-33-E.docx C18-33-E.txt C18-33-E-digest.txt; do
  cmp "$work/windows/out/$f" "$work/linux/out/$f" || fail "$f differs between Windows and Linux"
done
echo "byte-identical: $(cd "$work/linux/out" && sha256sum C18-33-E.docx)"

phase "build of entries with CRLF line ends (relative path with backslashes)"
cp -r entries "$work/windows/crlf"
find "$work/windows/crlf" -name '*.toml' -exec sed -i 's/$/\r/' {} +
grep -q $'\r$' "$work/windows/crlf/report.toml" || fail "CRLF conversion"
(cd "$work/windows" && cr_win build --entries crlf --out 'out\crlf') >/dev/null
for f in C18-33-E.docx C18-33-E.txt C18-33-E-digest.txt; do
  cmp "$work/windows/out/crlf/$f" "$work/linux/out/$f" || fail "$f from CRLF entries differs"
done

phase "import of the built DOCX: the same files as Linux's import"
(cd "$work/windows" && cr_win import 'out\C18-33-E.docx' --into imported) >/dev/null 2>&1
(cd "$work/linux" && "$linux" import out/C18-33-E.docx --into imported) >/dev/null 2>&1
diff -r "$work/windows/imported" "$work/linux/imported" || fail "import differs"
(cd "$work/windows" && cr_win check --entries imported) 2>&1 | tr -d '\r' | tail -1
echo "imported: $(find "$work/windows/imported" -name '*.toml' | wc -l) files"

phase "new and renumber --dry-run"
new_win="$(cd "$work/windows" && cr_win new --entries entries --under 2.9 --title 'IMT-2020 Demo Day' 2>/dev/null | tr -d '\r')"
new_linux="$(cd "$work/linux" && "$linux" new --entries entries --under 2.9 --title 'IMT-2020 Demo Day' 2>/dev/null)"
echo "new: $new_win"
[[ "$new_win" == "$new_linux" ]] || fail "new printed $new_win on Windows, $new_linux on Linux"
cmp "$work/windows/$new_win" "$work/linux/$new_linux" || fail "new wrote different files"
(cd "$work/windows" && cr_win renumber --entries entries --insert 2.7 --dry-run) \
  >"$work/renumber-win.txt" 2>"$work/renumber-win.err"
(cd "$work/linux" && "$linux" renumber --entries entries --insert 2.7 --dry-run) \
  >"$work/renumber-linux.txt" 2>"$work/renumber-linux.err"
diff "$work/renumber-win.txt" "$work/renumber-linux.txt" || fail "renumber --dry-run differs"
diff "$work/renumber-win.err" "$work/renumber-linux.err" || fail "renumber --dry-run's messages differ"
head -3 "$work/renumber-win.txt"
tail -1 "$work/renumber-win.err"

phase "build while the DOCX is held open as Word holds it (no FILE_SHARE_DELETE)"
out="$work/windows/out"
before="$(cd "$out" && sha256sum C18-33-E.docx C18-33-E.txt C18-33-E-digest.txt)"
# A changed entry: a build that wrote anything would change the outputs.
sed -i 's/^title = .*/title = "Changed while the DOCX is open"/' "$work/windows/entries/2/2.09-itu-t-sg13.toml"
(cd "$work/windows" && "$WINE" "$work/bin/hold-open.exe" 'out\C18-33-E.docx' ready release) &
holder=$!
for _ in $(seq 300); do [[ -e "$work/windows/ready" ]] && break; sleep 0.1; done
[[ -e "$work/windows/ready" ]] || fail "hold-open did not start"
set +e
(cd "$work/windows" && cr_win build --entries entries --out out) >/dev/null 2>"$work/locked.txt"
code_locked=$?
set -e
touch "$work/windows/release"
wait "$holder"
tr -d '\r' <"$work/locked.txt"
[[ $code_locked == 2 ]] || fail "build of an open DOCX exited $code_locked, expected 2"
grep -qF 'out\C18-33-E.docx is open in another program, probably Word: close it and build again' \
  "$work/locked.txt" || fail "the message does not say the DOCX is open"
after="$(cd "$out" && sha256sum C18-33-E.docx C18-33-E.txt C18-33-E-digest.txt)"
[[ "$before" == "$after" ]] || fail "a refused build changed the previous outputs"
if ls -A "$out" | grep -q '^\.council-report-'; then fail "temporary files left in out"; fi
(cd "$work/windows" && cr_win build --entries entries --out out) >/dev/null
after="$(cd "$out" && sha256sum C18-33-E.docx)"
[[ "$before" != "$after" ]] || fail "the build after closing the DOCX did not replace it"

phase "done"
echo "windows: council-report.exe $(stat -c %s "$exe") bytes; all Windows checks passed"
