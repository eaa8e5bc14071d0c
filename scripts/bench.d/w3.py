"""W3 in Python: the document of w3.sql (the report of everyone in TEAM's team, as goalbook prints it
with --format json), run through Python's sqlite3 module and written a row at a time. The rules live
in one place, w3.sql, and `scripts/bench` checks this document against goalbook's too.
Usage: w3.py DB TEAM"""
import os
import sqlite3
import sys

db, team = sys.argv[1], sys.argv[2]
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "w3.sql")) as handle:
    sql = handle.read().replace("TEAM", team)
out = sys.stdout
for (row,) in sqlite3.connect(db).execute(sql):
    out.write(row)
    out.write("\n")
