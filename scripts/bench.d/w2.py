"""W2 in Python: set one goal's KR1 target and record it in history. Usage: w2.py DB GOAL STAMP"""
import sqlite3
import sys

db, goal, stamp = sys.argv[1], int(sys.argv[2]), sys.argv[3]
con = sqlite3.connect(db, isolation_level=None, timeout=10)
con.execute("PRAGMA foreign_keys = ON")
con.execute("BEGIN IMMEDIATE")
person, old = con.execute("SELECT g.person_id, s.value FROM goal AS g JOIN goal_slot AS s ON s.goal_id = g.goal_id "
                          "AND s.item = 'KR1' AND s.slot = 'target' WHERE g.goal_id = ?", (goal,)).fetchone()
con.execute("INSERT INTO history (changed_at, actor, command, person_id, goal_id, item, field, old_value, new_value) "
            "VALUES (?, 'bench', 'goals set', ?, ?, 'KR1', 'target', ?, ?)", (stamp, person, goal, old, f"{goal}%"))
con.execute("UPDATE goal_slot SET value = ?, number = ?, unit = '%' WHERE goal_id = ? AND item = 'KR1' AND slot = 'target'",
            (f"{goal}%", goal, goal))
con.execute("COMMIT")
