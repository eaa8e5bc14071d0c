#!/usr/bin/env python3
"""Checks that W3's hand-written SQL gives the document goalbook gives.

    w3-same.py GOALBOOK.json REFERENCE.json

Compares the header, every goal (all its columns, items and trend) and every change, in order,
value by value; numbers are equal when they agree to 1e-9. Prints the first difference and exits 1,
or prints what it compared and exits 0.
"""
import json
import sys


def same(a, b, where):
    if isinstance(a, bool) or isinstance(b, bool):
        return None if a is b else f"{where}: {a!r} ≠ {b!r}"
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return None if abs(a - b) <= 1e-9 else f"{where}: {a!r} ≠ {b!r}"
    if isinstance(a, dict) and isinstance(b, dict):
        if list(a) != list(b):
            return f"{where}: keys {list(a)} ≠ {list(b)}"
        for key in a:
            found = same(a[key], b[key], f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} entries ≠ {len(b)}"
        for index, (x, y) in enumerate(zip(a, b)):
            found = same(x, y, f"{where}[{index}]")
            if found:
                return found
        return None
    return None if a == b else f"{where}: {a!r} ≠ {b!r}"


def main():
    with open(sys.argv[1]) as handle:
        goalbook = json.load(handle)
    with open(sys.argv[2]) as handle:
        reference = json.load(handle)
    for key in ["quarter", "scope", "report_date", "closed", "goals", "changes"]:
        found = same(goalbook[key], reference[key], key)
        if found:
            sys.exit(f"W3's SQL differs from goalbook at {found}")
    items = sum(len(g["items"]) for g in goalbook["goals"])
    points = sum(len(g["trend"]) for g in goalbook["goals"])
    print(f"W3's SQL gives goalbook's document: {len(goalbook['goals']):,} goals, {items:,} items, {points:,} trend points, "
          f"{len(goalbook['changes']):,} changes, value by value")


main()
