#!/usr/bin/python3
# make-xls.py - writes the Excel 97-2003 workbooks of tests/data/workbooks
# (Debian's python3-xlwt; run from the top of the source tree):
#   form.xls    tests/data/forms/mini as a workbook, numbers as numbers
#   values.xls  a form whose choice names are 1.0, 2.5, a date, a date with
#               a time, below a blank row (FreeXL reads a boolean as 1)
import csv
import datetime
import xlwt

def number(s):
    try:
        return float(s) if s.strip() == s and s else None
    except ValueError:
        return None

book = xlwt.Workbook(encoding="utf-8")
for sheet in ("survey", "choices", "settings"):
    ws = book.add_sheet(sheet.capitalize() if sheet == "choices" else sheet)
    with open("tests/data/forms/mini/%s.csv" % sheet, newline="", encoding="utf-8") as f:
        for r, row in enumerate(csv.reader(f)):
            for c, cell in enumerate(row):
                if cell:
                    v = number(cell)
                    ws.write(r, c, v if v is not None else cell)
book.save("tests/data/workbooks/form.xls")

book = xlwt.Workbook(encoding="utf-8")
s = book.add_sheet("survey")
for c, v in enumerate(("type", "name", "label")):
    s.write(0, c, v)
for c, v in enumerate(("select_one v", "v", "Value")):
    s.write(1, c, v)
ch = book.add_sheet("choices")
for c, v in enumerate(("list_name", "name", "label")):
    ch.write(0, c, v)
day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
when = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm:ss")
values = [(1.0, None), (2.5, None), (datetime.date(2019, 5, 1), day),
          (datetime.datetime(2019, 5, 1, 10, 30), when)]
for i, (v, style) in enumerate(values):
    r = i + 2    # row 2 (the spreadsheet's row 2) is blank
    ch.write(r, 0, "v")
    if style:
        ch.write(r, 1, v, style)
    else:
        ch.write(r, 1, v)
    ch.write(r, 2, "v%d" % (i + 1))
book.save("tests/data/workbooks/values.xls")
