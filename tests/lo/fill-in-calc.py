#!/usr/bin/python3
# fill-in-calc.py - fills cells of a workbook in LibreOffice Calc, as a
# delegate types them, and says which of them Calc's data validation
# refuses.
#
# Usage: fill-in-calc.py PROFILE WORKBOOK SHEET CELL=TEXT...
#
# Starts a private headless LibreOffice (its profile in the directory
# PROFILE), opens WORKBOOK, and for each CELL=TEXT types TEXT into CELL of
# SHEET as a person would (setFormula: "1995" becomes a number, "Yes"
# text), asks Calc to mark the invalid cells of the sheet (Tools >
# Detective > Mark Invalid Data, XSheetAuditing.showInvalid()), prints
# "CELL TEXT: valid" or "CELL TEXT: refused", and empties the cell again,
# so each line is one cell's verdict alone.  Nothing is saved.  Exits 2
# when LibreOffice cannot be reached or the workbook cannot be opened.
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


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 120
    while True:
        try:
            return resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def main():
    if len(sys.argv) < 4:
        sys.stderr.write("usage: fill-in-calc.py PROFILE WORKBOOK SHEET CELL=TEXT...\n")
        return 2
    profile, workbook, sheet_name = (os.path.abspath(sys.argv[1]),
                                     os.path.abspath(sys.argv[2]), sys.argv[3])
    pipe = "quire-fill-%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(workbook), "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            sys.stderr.write("fill-in-calc: cannot open %s\n" % workbook)
            return 2
        sheet = doc.Sheets.getByName(sheet_name)
        for arg in sys.argv[4:]:
            ref, text = arg.split("=", 1)
            cell = sheet.getCellRangeByName(ref)
            cell.setFormula(text)
            sheet.clearArrows()
            refused = sheet.showInvalid()
            cell.setFormula("")
            print("%s %s: %s" % (ref, text, "refused" if refused else "valid"))
        doc.close(True)
        return 0
    finally:
        try:
            if desktop is not None:
                desktop.terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == "__main__":
    sys.exit(main())
