-- W3 for psql (PostgreSQL; the sqlite3 version is w3.sql): one JSON row per goal of everyone below TEAM in 2026Q4, with
-- baseline, latest check-in, target and progress of the goal's first item.
WITH RECURSIVE team(person_id) AS MATERIALIZED (
    SELECT person_id FROM person WHERE manager_person_id = (SELECT person_id FROM person WHERE employee_id = 'TEAM')
    UNION ALL SELECT p.person_id FROM person AS p JOIN team AS t ON p.manager_person_id = t.person_id)
SELECT json_build_object('quarter', g.quarter, 'goal_id', 'G' || g.goal_id, 'person_id', p.employee_id, 'person_name', p.name,
                   'manager_id', m.employee_id, 'framework', g.framework, 'row', g.row_number, 'title', t.title, 'status', g.status,
                   'progress', CASE WHEN b.number IS NULL OR s.number IS NULL THEN NULL
                                    ELSE greatest(0.0, least(1.0, (COALESCE(c.number, b.number) - b.number) / (s.number - b.number))) END,
                   'baseline', b.number, 'latest', c.number, 'target', s.number, 'unit', s.unit, 'due', d.value, 'last_checkin', c.checked_on)
FROM goal AS g
JOIN person AS p ON p.person_id = g.person_id
LEFT JOIN person AS m ON m.person_id = p.manager_person_id
JOIN goal_template AS t ON t.template_id = g.template_id
JOIN goal_slot AS b ON b.goal_id = g.goal_id AND b.item = 'KR1' AND b.slot = 'baseline'
JOIN goal_slot AS s ON s.goal_id = g.goal_id AND s.item = 'KR1' AND s.slot = 'target'
JOIN goal_slot AS d ON d.goal_id = g.goal_id AND d.item = 'KR1' AND d.slot = 'date'
LEFT JOIN checkin AS c ON c.checkin_id = (SELECT k.checkin_id FROM checkin AS k WHERE k.goal_id = g.goal_id AND k.item = 'KR1'
                                          ORDER BY k.checked_on DESC, k.checkin_id DESC LIMIT 1)
WHERE g.quarter = '2026Q4' AND g.person_id IN (SELECT person_id FROM team)
ORDER BY p.employee_id, g.goal_id;
