"""Independent expected values for the DfE reader tests, computed with Python's csv module.

Run from this directory:  python3 expected.py > expected.json
For each original file: data rows, school rows (RECTYPE 1/2; census/spine/gias: URN a number), and
for the measure columns of padlock's shipped mapping, missing cells by code among school rows.
ABSENT = cell beyond the end of a short row, BLANK = empty cell, SPACE = spaces only.
"""
import csv, json, sys, platform

D = "../../dfe/"
CODES = {"SUPP", "SUPP*", "NE", "NA", "NP", "LOWCOV", "SP", "RE", "NEW"}
KS2 = ["TELIG", "TKS1AVERAGE", "PTFSM6CLA1A", "PTEALGRP2", "PSENELSE", "PTRWM_EXP", "PTRWM_HIGH", "READPROG",
       "WRITPROG", "MATPROG", "READ_AVERAGE", "MAT_AVERAGE", "GPS_AVERAGE", "PTREAD_EXP", "PTMAT_EXP", "READCOV", "MATCOV"]
KS4 = ["TPUP", "KS2APS", "PTFSM6CLA1A", "PTEALGRP2", "ATT8SCR", "P8PUP", "P8MEA", "P8CILOW", "P8CIUPP", "PTL2BASICS_94", "PT5EM_94"]
CENSUS = ["NOR", "PSENELSE", "PSENELK", "PNUMEAL", "NUMFSMEVER", "PNUMFSMEVER"]


def code(row, j):
    if j >= len(row):
        return "ABSENT"
    c = row[j]
    if c == "":
        return "BLANK"
    if c.strip() == "":
        return "SPACE"
    if c.strip() in CODES:
        return c.strip()
    return None


def count(path, kind, cols, year):
    with open(D + path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    h, data = rows[0], rows[1:]
    if kind in ("ks2", "ks4"):
        school = [r for r in data if r[0] in ("1", "2")]
    else:
        school = [r for r in data if r[h.index("URN")].isdigit()]
    out = {"rows_read": len(data), "school_rows": len(school), "missing_by_column": {}}
    for c in cols:
        src = c
        if kind == "ks2" and c == "PSENELSE" and year == 2019:
            src = "PSENELE"
        if kind == "ks4" and c == "PT5EM_94":
            c = "PT5EM"
        # names shared with KS2 carry a prefix in padlock's mapping
        if kind == "ks4" and c in ("PTFSM6CLA1A", "PTEALGRP2"):
            c = "KS4_" + c
        if kind == "census" and c == "PSENELSE":
            c = "CENSUS_PSENELSE"
        j = h.index(src)
        counts = {}
        for r in school:
            k = code(r, j)
            if k:
                counts[k] = counts.get(k, 0) + 1
        out["missing_by_column"][c + "_" + str(year)] = dict(sorted(counts.items()))
    if kind == "census":
        extra = {2018: [("PNUMFSM", ["PNUMFSM"])], 2019: [("NUMFSM", ["NUMFSM"]), ("PNUMFSM", ["NUMFSM", "NOR"])]}[year]
        for name, srcs in extra:
            counts = {}
            for r in school:
                # a ratio is missing under the code of its first missing operand
                k = next((code(r, h.index(x)) for x in srcs if code(r, h.index(x))), None)
                if k:
                    counts[k] = counts.get(k, 0) + 1
            out["missing_by_column"][name + "_" + str(year)] = dict(sorted(counts.items()))
    return out


FILES = [("ks2_2016-850.csv", "ks2", 2017), ("ks2_2016-936.csv", "ks2", 2017), ("ks2_2017-850.csv", "ks2", 2018),
         ("ks2_2017-936.csv", "ks2", 2018), ("ks2_2018-850.csv", "ks2", 2019), ("ks2_2018-936.csv", "ks2", 2019),
         ("ks4_2016-2017_850.csv", "ks4", 2017), ("ks4_2016-2017_936.csv", "ks4", 2017), ("ks4_2017-2018_850.csv", "ks4", 2018),
         ("ks4_2017-2018_936.csv", "ks4", 2018), ("ks4_2018-2019_936.csv", "ks4", 2019), ("ks4_2018_815.csv", "ks4", 2018),
         ("census2018.csv", "census", 2018), ("census2019.csv", "census", 2019)]
res = {"python": platform.python_version(), "files": {}}
for path, kind, year in FILES:
    cols = {"ks2": KS2, "ks4": KS4, "census": CENSUS}[kind]
    res["files"][path] = count(path, kind, cols, year)
json.dump(res, sys.stdout, indent=1, sort_keys=True)
