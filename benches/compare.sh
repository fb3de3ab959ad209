#!/usr/bin/env bash
# Whole-process timings, side by side in one run, at 1×, 10× and 100× the sample report:
#   council-report build (DOCX + text + digest) and check,
#   pandoc -f markdown -t docx on the same content (the Markdown is written by
#     `build --templates benches/markdown`, i.e. from the same paragraphs),
#   gzip -6 of the built DOCX's word/document.xml (the floor: deflating the XML),
#   reading every entry file and nothing more (`find … -print0 | xargs -0 cat`: the floor
#   of `check`, which must read them all),
#   build --language all (the six languages; untranslated pieces print in English, so
#     the rendering work is that of six full reports).
# Reports medians (hyperfine), the ratios, peak RSS (/usr/bin/time) and output sizes.
#
#   bash benches/compare.sh            # RUNS=10 by default
#   SIZES=100 RUNS=5 bash benches/compare.sh   # one size only
#   PROFILE=profiling bash benches/compare.sh  # the same code with symbols, for perf
# Needs: hyperfine, pandoc, gzip, unzip, /usr/bin/time, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-10}"
SIZES="${SIZES:-1 10 100}"
WORK="${WORK:-$(mktemp -d /tmp/council-report-compare.XXXXXX)}"
PROFILE="${PROFILE:-release}"
cargo build --profile "$PROFILE" --quiet --bin council-report --example generate
BIN="$PWD/target/$PROFILE/council-report"
GEN="$PWD/target/$PROFILE/examples/generate"

rows=()
for n in $SIZES; do
  e="$WORK/entries-$n"; o="$WORK/out-$n"; m="$WORK/md-$n"
  "$GEN" "$n" "$e" 2>/dev/null
  "$BIN" build --entries "$e" --out "$o" >/dev/null 2>&1
  "$BIN" build --entries "$e" --out "$m" --templates benches/markdown >/dev/null 2>&1
  mv "$m/C18-33-E.txt" "$WORK/report-$n.md"
  unzip -p "$o/C18-33-E.docx" word/document.xml > "$WORK/document-$n.xml"
  pandoc -f markdown -t docx -o "$WORK/pandoc-$n.docx" "$WORK/report-$n.md"
  hyperfine --runs "$RUNS" --warmup 1 -N --style none --export-json "$WORK/times-$n.json" \
    -n build "$BIN build --entries $e --out $o" \
    -n build-all "$BIN build --entries $e --out $o-all --language all" \
    -n check "$BIN check --entries $e" \
    -n read "bash -c 'find $e -name \"*.toml\" -print0 | xargs -0 cat > /dev/null'" \
    -n pandoc "pandoc -f markdown -t docx -o $WORK/pandoc-$n.docx $WORK/report-$n.md" \
    -n gzip "gzip -6 -c $WORK/document-$n.xml" >/dev/null
  rss_build=$(/usr/bin/time -f %M "$BIN" build --entries "$e" --out "$o" 2>&1 >/dev/null | tail -1)
  rss_pandoc=$(/usr/bin/time -f %M pandoc -f markdown -t docx -o "$WORK/pandoc-$n.docx" "$WORK/report-$n.md" 2>&1 | tail -1)
  rows+=("$n $(stat -c %s "$o/C18-33-E.docx") $(stat -c %s "$WORK/pandoc-$n.docx") $rss_build $rss_pandoc $(find "$e" -name '*.toml' | wc -l)")
done

python3 - "$WORK" "${rows[@]}" <<'PY'
import json, sys
work, rows = sys.argv[1], sys.argv[2:]
print(f"| size | files | build | check | read | pandoc | gzip -6 | check / read | pandoc / build | build / gzip | build RSS | pandoc RSS | DOCX | pandoc DOCX |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for row in rows:
    n, ours, theirs, rss_b, rss_p, files = row.split()
    t = {r["command"]: r["median"] for r in json.load(open(f"{work}/times-{n}.json"))["results"]}
    ms = lambda s: f"{s*1000:.0f} ms" if s >= 0.01 else f"{s*1000:.1f} ms"
    print(f"| {n}× | {files} | {ms(t['build'])} | {ms(t['check'])} | {ms(t['read'])} | {ms(t['pandoc'])} | {ms(t['gzip'])} "
          f"| {t['check']/t['read']:.2f}× | {t['pandoc']/t['build']:.1f}× | {t['build']/t['gzip']:.2f}× "
          f"| {int(rss_b)/1024:.0f} MB | {int(rss_p)/1024:.0f} MB | {int(ours)/1024:.0f} KB | {int(theirs)/1024:.0f} KB |")
print()
print("| size | build (E) | build --language all | all / E |")
print("| --- | --- | --- | --- |")
for row in rows:
    n = row.split()[0]
    t = {r["command"]: r["median"] for r in json.load(open(f"{work}/times-{n}.json"))["results"]}
    ms = lambda s: f"{s*1000:.0f} ms" if s >= 0.01 else f"{s*1000:.1f} ms"
    print(f"| {n}× | {ms(t['build'])} | {ms(t['build-all'])} | {t['build-all']/t['build']:.2f}× |")
PY
echo "(work files in $WORK)"
