-- W4 for psql (PostgreSQL; the sqlite3 version is w4.sql): the state of every goal below TEAM as of ASOF, from history.
WITH RECURSIVE team(person_id) AS MATERIALIZED (
    SELECT person_id FROM person WHERE manager_person_id = (SELECT person_id FROM person WHERE employee_id = 'TEAM')
    UNION ALL SELECT p.person_id FROM person AS p JOIN team AS t ON p.manager_person_id = t.person_id),
goals AS MATERIALIZED (SELECT goal_id FROM goal WHERE person_id IN (SELECT person_id FROM team) AND created_at <= 'ASOF')
SELECT g.goal_id, h.item, h.field, h.new_value
FROM goals AS g CROSS JOIN history AS h
WHERE h.goal_id = g.goal_id AND h.changed_at <= 'ASOF'
  AND h.history_id = (SELECT x.history_id FROM history AS x
                      WHERE x.goal_id = h.goal_id AND x.item IS NOT DISTINCT FROM h.item AND x.field = h.field AND x.changed_at <= 'ASOF'
                      ORDER BY x.changed_at DESC, x.history_id DESC LIMIT 1)
ORDER BY g.goal_id, h.item, h.field;
