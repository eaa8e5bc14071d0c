"""W3 in Python: the report rows of everyone below TEAM as JSON. Usage: w3.py DB TEAM"""
import json
import sqlite3
import sys

db, team = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
people = {pid: (eid, name, mgr) for pid, eid, name, mgr in con.execute("SELECT person_id, employee_id, name, manager_person_id FROM person")}
by_id = {eid: pid for pid, (eid, _, _) in people.items()}
children = {}
for pid, (_, _, mgr) in people.items():
    children.setdefault(mgr, []).append(pid)
members, stack = set(), list(children.get(by_id[team], []))
while stack:
    pid = stack.pop()
    members.add(pid)
    stack.extend(children.get(pid, []))
rows = []
for goal_id, pid, quarter, framework, row_number, status, title in con.execute(
        "SELECT g.goal_id, g.person_id, g.quarter, g.framework, g.row_number, g.status, t.title FROM goal AS g "
        "JOIN goal_template AS t ON t.template_id = g.template_id WHERE g.quarter = '2026Q4'"):
    if pid not in members:
        continue
    slots = {slot: (number, value, unit) for slot, number, value, unit in con.execute(
        "SELECT slot, number, value, unit FROM goal_slot WHERE goal_id = ? AND item = 'KR1'", (goal_id,))}
    latest = con.execute("SELECT number, checked_on FROM checkin WHERE goal_id = ? AND item = 'KR1' ORDER BY checked_on DESC, checkin_id DESC LIMIT 1",
                         (goal_id,)).fetchone()
    base, target = slots["baseline"][0], slots["target"][0]
    current = latest[0] if latest else base
    progress = None if base is None or target is None else max(0.0, min(1.0, (current - base) / (target - base)))
    eid, name, mgr = people[pid]
    rows.append({"quarter": quarter, "goal_id": f"G{goal_id}", "person_id": eid, "person_name": name,
                 "manager_id": people[mgr][0] if mgr else None, "framework": framework, "row": row_number, "title": title,
                 "status": status, "progress": progress, "baseline": base, "latest": latest[0] if latest else None,
                 "target": target, "unit": slots["target"][2], "due": slots["date"][1], "last_checkin": latest[1] if latest else None})
rows.sort(key=lambda r: (r["person_id"], r["goal_id"]))
json.dump({"goals": rows}, sys.stdout, ensure_ascii=False)
