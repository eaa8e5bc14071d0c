-- Grows the W1 database for W2–W4: every KR1 filled (baseline 10%, target 50%, due 2026-12-15)
-- with the history goalbook would write for it, goals active, and two check-ins per goal. The W1
-- goals took effect on 2026-10-01 (goalbook's W1 is dated back with --date), so every change here
-- comes after its goal's 'created' row, and `goalbook check` passes on the result.
PRAGMA foreign_keys = ON;
BEGIN IMMEDIATE;
UPDATE goal_slot SET value = CASE slot WHEN 'baseline' THEN '10%' WHEN 'target' THEN '50%' ELSE '2026-12-15' END,
                     number = CASE slot WHEN 'baseline' THEN 10.0 WHEN 'target' THEN 50.0 END,
                     unit = CASE WHEN slot <> 'date' THEN '%' END
WHERE item = 'KR1';
UPDATE goal_item SET direction = 'increase' WHERE item = 'KR1';
UPDATE goal SET status = 'active';
INSERT INTO history (changed_at, actor, command, person_id, goal_id, item, field, old_value, new_value)
SELECT '2026-10-05T09:00:00.000Z', 'bench', 'goals set', person_id, goal_id, 'KR1', 'direction', NULL, 'increase' FROM goal ORDER BY goal_id;
INSERT INTO history (changed_at, actor, command, person_id, goal_id, item, field, old_value, new_value)
SELECT '2026-10-05T09:00:00.000Z', 'bench', 'goals set', g.person_id, g.goal_id, 'KR1', f.field, NULL, f.value
FROM goal AS g, (SELECT 1 AS n, 'baseline' AS field, '10%' AS value UNION ALL SELECT 2, 'target', '50%' UNION ALL SELECT 3, 'date', '2026-12-15') AS f
ORDER BY g.goal_id, f.n;
INSERT INTO history (changed_at, actor, command, person_id, goal_id, field, old_value, new_value)
SELECT '2026-10-05T09:01:00.000Z', 'bench', 'goals status', person_id, goal_id, 'status', 'draft', 'active' FROM goal ORDER BY goal_id;
INSERT INTO checkin (goal_id, item, value, number, unit, checked_on, recorded_at, actor)
SELECT goal_id, 'KR1', (15 + goal_id % 20) || '%', 15 + goal_id % 20, '%', '2026-10-20', '2026-10-20T16:00:00.000Z', 'bench'
FROM goal ORDER BY goal_id;
INSERT INTO checkin (goal_id, item, value, number, unit, checked_on, recorded_at, actor)
SELECT goal_id, 'KR1', (25 + goal_id % 20) || '%', 25 + goal_id % 20, '%', '2026-11-10', '2026-11-10T16:00:00.000Z', 'bench'
FROM goal ORDER BY goal_id;
INSERT INTO history (changed_at, actor, command, person_id, goal_id, item, field, old_value, new_value)
SELECT '2026-11-01T09:00:00.000Z', 'bench', 'goals set', person_id, goal_id, 'KR1', 'target', '50%', '55%' FROM goal WHERE goal_id % 10 = 0 ORDER BY goal_id;
UPDATE goal_slot SET value = '55%', number = 55.0 WHERE item = 'KR1' AND slot = 'target' AND goal_id % 10 = 0;
COMMIT;
