"""W1 as an analyst would write it in Python: read the staff CSV, insert people, then five OKR
goals for everyone below the root, with their items, slots and history, in one transaction.
Usage: python3 w1.py DB ORG_CSV ROOT STAMP"""
import csv
import sqlite3
import sys

db, org_csv, root, stamp = sys.argv[1:5]
con = sqlite3.connect(db, isolation_level=None)
con.execute("PRAGMA foreign_keys = ON")
con.execute("BEGIN IMMEDIATE")
frames = {(f, fn, lv): fid for fid, f, fn, lv in con.execute("SELECT frame_id, family, function, level_code FROM frame")}
by_function = {(fn, lv): fid for (f, fn, lv), fid in frames.items()}
with open(org_csv, newline="", encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
ids = {row["id"]: n + 1 for n, row in enumerate(rows)}
people = []
for n, row in enumerate(rows):
    frame = frames.get((row["family"], row["function"], row["level"])) or by_function[(row["function"], row["level"])]
    people.append((n + 1, row["id"], row["name"], row["email"] or None, ids.get(row["manager"]), frame, stamp))
con.executemany("INSERT INTO person (person_id, employee_id, name, email, manager_person_id, frame_id, created_at) VALUES (?,?,?,?,?,?,?)", people)
con.executemany("INSERT INTO history (changed_at, actor, command, person_id, field, new_value) VALUES (?,?,?,?,?,?)",
                ((stamp, "bench", "people import", p[0], "created", p[1]) for p in people))
# Templates: OKR rows 1-5 of each frame, as goalbook renders them.
templates = {}
for frame_id, version_id in con.execute("SELECT frame_id, frame_version_id FROM frame_current"):
    dims = {pos: (name, text) for pos, name, text in con.execute(
        "SELECT position, name, text FROM frame_statement WHERE frame_version_id = ? AND kind = 'dimension'", (version_id,))}
    for sid, pos, text, label in con.execute(
            "SELECT statement_id, position, text, source_label FROM frame_statement WHERE frame_version_id = ? AND kind = 'responsibility' AND position <= 5",
            (version_id,)):
        body = f"Objective {pos}: {text}  [source: {label}]\n  KR1. From ⟨baseline⟩ to ⟨target⟩ by ⟨date⟩ — tied to: \"{text}\""
        if pos in dims:
            body += f"\n  KR2. Evidence at this level's {dims[pos][0].lower()} bar: \"{dims[pos][1]}\" — ⟨target⟩ by ⟨date⟩"
        cur = con.execute("INSERT INTO goal_template (frame_version_id, framework, row_number, statement_id, title, template_text) VALUES (?,?,?,?,?,?)",
                          (version_id, "okr", pos, sid, text, body))
        templates.setdefault(frame_id, []).append((pos, cur.lastrowid, pos in dims))
children = {}
for pid, manager in ((p[0], p[4]) for p in people):
    children.setdefault(manager, []).append(pid)
team, stack = [], list(children.get(ids[root], []))
while stack:
    pid = stack.pop()
    team.append(pid)
    stack.extend(children.get(pid, []))
frame_of = {p[0]: p[5] for p in people}
goal_id = (con.execute("SELECT COALESCE(max(goal_id), 0) FROM goal").fetchone()[0])
goals, items, slots, history = [], [], [], []
for pid in sorted(team):
    for row_number, template_id, has_kr2 in templates[frame_of[pid]]:
        goal_id += 1
        goals.append((goal_id, pid, "2026Q4", "okr", row_number, frame_of[pid], template_id, "draft", stamp, "bench"))
        items.append((goal_id, "KR1", 2, 2))
        slots += [(goal_id, "KR1", "baseline"), (goal_id, "KR1", "date"), (goal_id, "KR1", "target")]
        if has_kr2:
            items.append((goal_id, "KR2", 3, 3))
            slots += [(goal_id, "KR2", "date"), (goal_id, "KR2", "target")]
        history.append((stamp, "bench", "goals assign", pid, goal_id, "created", "draft"))
con.executemany("INSERT INTO goal (goal_id, person_id, quarter, framework, row_number, frame_id, template_id, status, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?)", goals)
con.executemany("INSERT INTO goal_item (goal_id, item, first_line, last_line) VALUES (?,?,?,?)", items)
con.executemany("INSERT INTO goal_slot (goal_id, item, slot) VALUES (?,?,?)", slots)
con.executemany("INSERT INTO history (changed_at, actor, command, person_id, goal_id, field, new_value) VALUES (?,?,?,?,?,?,?)", history)
con.execute("COMMIT")
