#!/usr/bin/python3
"""The text LibreOffice reads in DOCX files, after accepting or rejecting every tracked
change: the real-client check of `build --against` (tests/revision.rs).

Usage: lo_text.py PROFILE_DIR MODE:IN.docx:OUT.txt ...
MODE is `accept`, `reject` or `plain` (the document as it is, for a plain build). One
LibreOffice serves every file: it starts headless with its own profile in PROFILE_DIR and
is stopped at the end. Each OUT.txt holds the document's paragraphs in order, one per
line, the text of each table cell on lines of its own, then the number of tracked
changes left (0 after accepting or rejecting all).
"""

import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


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


def main():
    profile, jobs = sys.argv[1], sys.argv[2:]
    pipe = "council_report_%d" % os.getpid()
    office = subprocess.Popen(
        [
            "soffice", "--headless", "--invisible", "--norestore", "--nologo",
            "-env:UserInstallation=file://" + os.path.abspath(profile),
            "--accept=pipe,name=%s;urp;" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(600):
            try:
                ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                if office.poll() is not None:
                    sys.exit("soffice exited early")
                time.sleep(0.2)
        if ctx is None:
            sys.exit("cannot connect to soffice")
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", ctx)
        for job in jobs:
            mode, src, out = job.split(":", 2)
            url = uno.systemPathToFileUrl(os.path.abspath(src))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            try:
                frame = doc.getCurrentController().getFrame()
                if mode == "accept":
                    dispatcher.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
                elif mode == "reject":
                    dispatcher.executeDispatch(frame, ".uno:RejectAllTrackedChanges", "", 0, ())
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
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
