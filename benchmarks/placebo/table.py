#!/usr/bin/env python3
"""Prints the README table (Markdown) from the placebo JSON files given as arguments (one per number of partnerships)."""
import json
import sys

runs = [json.load(open(f)) for f in sys.argv[1:]]
methods = list(dict.fromkeys(v["method"] for v in runs[0]["results"]))
head = ["method"]
for r in runs:
    for o in ("reading", "maths"):
        head.append(f"P = {r['spec']['partnerships']}, {o}")
print("| " + " | ".join(head) + " |")
print("|" + " --- |" * len(head))
for m in methods:
    cells = [f"`{m}`"]
    for r in runs:
        for o in ("reading", "maths"):
            x = next(v for v in r["results"] if v["method"] == m and v["outcome"] == o)
            cells.append(f"{x['rejection_rate']:.3f} ({x['mc_ci_low']:.3f}-{x['mc_ci_high']:.3f})")
    print("| " + " | ".join(cells) + " |")
cells = ["mean estimate (SD)"]
for r in runs:
    for o in ("reading", "maths"):
        x = next(v for v in r["results"] if v["outcome"] == o)
        cells.append(f"{x['mean_estimate']:.3f} ({x['sd_estimate']:.3f})")
print("| " + " | ".join(cells) + " |")
for r in runs:
    print(f"\nP = {r['spec']['partnerships']}: {r['mean_treated_matched']:.1f} treated schools and "
          f"{r['mean_partnerships_matched']:.2f} partnerships matched per draw on average; "
          f"{len(r['diagnostics'])} draws without an estimate; {r['results'][0]['replications']} draws used.")
