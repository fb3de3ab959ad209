"""LibreOffice headless through Python-UNO, for the test scripts that drive it
(tests/revision/lo_text.py, tests/fixtures/import/lo_edit.py): one soffice with its own
profile, reached over a named pipe, stopped at the end whatever happened."""

import contextlib
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


@contextlib.contextmanager
def office(soffice, profile):
    """Starts `soffice` with its user profile in `profile` and yields (ctx, desktop).
    A cold start with a fresh profile takes 5-20 s on the 2-core CI machine, so the
    connection is tried for up to 2 minutes, giving up early if soffice exits."""
    pipe = "council_report_%d" % os.getpid()
    proc = subprocess.Popen(
        [
            soffice, "--headless", "--invisible", "--norestore", "--nologo",
            "-env:UserInstallation=file://" + os.path.abspath(profile),
            "--accept=pipe,name=%s;urp;" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    desktop = None
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
                if proc.poll() is not None:
                    sys.exit("soffice exited early")
                time.sleep(0.2)
        if ctx is None:
            sys.exit("cannot connect to soffice")
        desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)
        yield ctx, desktop
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
