-- W2 for psql (PostgreSQL; the sqlite3 version is w2.sql): what `goalbook goals set GGOAL target=GOAL% --item KR1` writes.
\set ON_ERROR_STOP on
BEGIN ISOLATION LEVEL SERIALIZABLE;
INSERT INTO history (changed_at, actor, command, person_id, goal_id, item, field, old_value, new_value)
SELECT 'STAMP', 'bench', 'goals set', g.person_id, g.goal_id, 'KR1', 'target', s.value, 'GOAL%'
FROM goal AS g JOIN goal_slot AS s ON s.goal_id = g.goal_id AND s.item = 'KR1' AND s.slot = 'target'
WHERE g.goal_id = GOAL;
UPDATE goal_slot SET value = 'GOAL%', number = GOAL, unit = '%' WHERE goal_id = GOAL AND item = 'KR1' AND slot = 'target';
COMMIT;
