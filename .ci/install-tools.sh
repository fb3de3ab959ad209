#!/usr/bin/env bash
# Installs what the tests and the DOCX check need, from Debian packages and PyPI: LibreOffice
# (the DOCX round trip and `build --pdf`; python3-uno drives it to accept or reject every
# tracked change of a revision, tests/revision.rs), git (`build --against git:REF`), poppler
# (pdftotext), HTML Tidy (the HTML validator), libxml2-utils (xmllint: every language's
# `translate export` against the XLIFF 1.2 transitional schema, tests/fixtures/xliff/),
# the Arabic and Chinese fonts LibreOffice needs to render those versions (Amiri, AR PL
# UMing, which fontconfig offers for Traditional Arabic and SimSun), and translate-toolkit
# (the translators' real client: xliff2po, po2xliff).
# Idempotent; run as root. Mirrors shared/tools/install-docx-tools.sh so that a clone
# without shared/ beside it can still set up.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
VENV="${DOCX_TOOLS_VENV:-/tmp/docx-tools-venv}"

need=()
for p in libreoffice-writer-nogui poppler-utils libxml2-utils fonts-liberation2 fonts-dejavu-core \
         fonts-crosextra-carlito fonts-crosextra-caladea zip unzip tidy \
         fonts-hosny-amiri fonts-arphic-uming python3-uno git; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if ((${#need[@]})); then
  apt-get update -qq
  if ! apt-get install -y -qq --no-install-recommends "${need[@]}"; then
    need=("${need[@]/libreoffice-writer-nogui/libreoffice-writer}")
    apt-get install -y -qq --no-install-recommends "${need[@]}"
  fi
fi
python3 -c 'import docx' 2>/dev/null || python3 -m pip install -q 'python-docx==1.2.0'
if [[ ! -x "$VENV/bin/openxml-audit" ]]; then
  [[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q 'python-docx==1.2.0' 'openxml-audit==0.8.0' 'ooxml-integrity==0.8.4'
fi
# The Arabic and Chinese versions name Traditional Arabic and SimSun (the fonts of the
# Union's templates, on every Windows machine); here fontconfig offers their free
# look-alikes, so LibreOffice's pages look as Word's do (a Naskh face, a Ming face) rather
# than falling back to DejaVu Sans.
conf=/etc/fonts/conf.d/60-council-report-fonts.conf
if [[ ! -f "$conf" ]]; then
  cat >"$conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <alias binding="same"><family>Traditional Arabic</family><prefer><family>Amiri</family></prefer></alias>
  <alias binding="same"><family>SimSun</family><prefer><family>AR PL UMing CN</family></prefer></alias>
</fontconfig>
XML
  fc-cache -f >/dev/null
fi
if [[ ! -x "$VENV/bin/po2xliff" ]]; then
  [[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q 'translate-toolkit==3.20.4'
fi
soffice --version | head -1
