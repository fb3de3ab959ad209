#!/usr/bin/python3
"""The text LibreOffice reads in DOCX files, after accepting or rejecting every tracked
change: the real-client check of `build --against` (tests/revision.rs).

Usage: lo_text.py PROFILE_DIR MODE:IN.docx:OUT ...
MODE is `accept`, `reject` or `plain` (the document as it is, for a plain build). One
LibreOffice serves every file: it starts headless with its own profile in PROFILE_DIR and
is stopped at the end. Each OUT holds the document's paragraphs in order, one per
line, the text of each table cell on lines of its own, then the number of tracked
changes left (0 after accepting or rejecting all).

Two more modes read what else LibreOffice made of a revision:
- `accept-links`, `reject-links`: after accepting or rejecting every change, one line per
  internal link of the body: its text, the bookmark it goes to, and the first 40
  characters that bookmark holds (`-- no such bookmark` when the document lacks it);
- `resave`: the document as LibreOffice saves it back to DOCX, at OUT (its own export
  writes a change it took for a move as w:moveFrom / w:moveTo).
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import uno  # noqa: E402
from uno_office import office, prop  # noqa: E402


def text_of(doc):
    lines = []

    def walk(text):
        e = text.createEnumeration()
        while e.hasMoreElements():
            part = e.nextElement()
            if part.supportsService("com.sun.star.text.TextTable"):
                for name in part.getCellNames():
                    walk(part.getCellByName(name).getText())
            else:
                lines.append(part.getString())

    walk(doc.getText())
    return lines


def links_of(doc):
    """`text<TAB>bookmark<TAB>what the bookmark holds` for each internal link of the body."""
    marks = doc.getBookmarks()
    lines = []
    paragraphs = doc.getText().createEnumeration()
    while paragraphs.hasMoreElements():
        paragraph = paragraphs.nextElement()
        if not paragraph.supportsService("com.sun.star.text.Paragraph"):
            continue
        portions = paragraph.createEnumeration()
        while portions.hasMoreElements():
            portion = portions.nextElement()
            url = portion.getPropertyValue("HyperLinkURL")
            if not url.startswith("#"):
                continue
            name = url[1:]
            if marks.hasByName(name):
                held = marks.getByName(name).getAnchor().getString()[:40]
            else:
                held = "-- no such bookmark"
            lines.append("%s\t%s\t%s" % (portion.getString(), name, held))
    return lines


def main():
    profile, jobs = sys.argv[1], sys.argv[2:]
    with office("soffice", profile) as (ctx, desktop):
        dispatcher = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", ctx)
        for job in jobs:
            mode, src, out = job.split(":", 2)
            url = uno.systemPathToFileUrl(os.path.abspath(src))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            try:
                frame = doc.getCurrentController().getFrame()
                if mode.startswith("accept"):
                    dispatcher.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
                elif mode.startswith("reject"):
                    dispatcher.executeDispatch(frame, ".uno:RejectAllTrackedChanges", "", 0, ())
                if mode == "resave":
                    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)),
                                   (prop("FilterName", "MS Word 2007 XML"),))
                    continue
                if mode.endswith("-links"):
                    with open(out, "w", encoding="utf-8") as f:
                        f.write("".join(line + "\n" for line in links_of(doc)))
                    continue
                lines = text_of(doc)
                left = doc.getRedlines().createEnumeration()
                count = 0
                while left.hasMoreElements():
                    left.nextElement()
                    count += 1
                with open(out, "w", encoding="utf-8") as f:
                    f.write("\n".join(lines))
                    f.write("\n-- tracked changes left: %d\n" % count)
            finally:
                doc.close(True)


if __name__ == "__main__":
    main()
