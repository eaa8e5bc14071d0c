"""W4 in Python: the state of every goal below TEAM as of ASOF, folded from history. Usage: w4.py DB TEAM ASOF"""
import sqlite3
import sys

db, team, as_of = sys.argv[1:4]
con = sqlite3.connect(db)
children = {}
for pid, mgr in con.execute("SELECT person_id, manager_person_id FROM person"):
    children.setdefault(mgr, []).append(pid)
root = con.execute("SELECT person_id FROM person WHERE employee_id = ?", (team,)).fetchone()[0]
members, stack = [], list(children.get(root, []))
while stack:
    pid = stack.pop()
    members.append(pid)
    stack.extend(children.get(pid, []))
for pid in sorted(members):
    for (goal_id,) in con.execute("SELECT goal_id FROM goal WHERE person_id = ? AND created_at <= ? ORDER BY goal_id", (pid, as_of)):
        state = {}
        for item, field, value in con.execute("SELECT item, field, new_value FROM history WHERE goal_id = ? AND changed_at <= ? "
                                              "ORDER BY changed_at, history_id", (goal_id, as_of)):
            state[(item, field)] = value
        for (item, field), value in sorted(state.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
            print(goal_id, item, field, value, sep="\t")
