-- The least W4 (`goals list --team TEAM --as-of ASOF --format csv`) can take on SQLite: the rows
-- its CSV is made from, read and decoded, and nothing else. No output (one count per table),
-- nothing folded, no progress worked out. The team's goals made by the instant, each owner and
-- template once, the goals' items and slots (which the history fills), their history up to the
-- instant (the state it is folded from, as w4.sql reads it) and their check-ins up to its day
-- (the progress and track the CSV shows, which w4.sql leaves out). Anything that makes the CSV
-- costs more than this.
CREATE TEMP TABLE team AS
WITH RECURSIVE
walk(person_id) AS MATERIALIZED (
    SELECT person_id FROM person WHERE employee_id = 'TEAM'
    UNION ALL
    SELECT p.person_id FROM person AS p JOIN walk AS t ON p.manager_person_id = t.person_id)
SELECT person_id FROM walk;
CREATE TEMP TABLE g AS
SELECT g.goal_id FROM temp.team AS t CROSS JOIN goal AS g WHERE g.person_id = t.person_id AND g.created_at <= 'ASOF';
SELECT 'people', count(*), sum(length(p.employee_id) + length(p.name)) FROM temp.team AS team CROSS JOIN person AS p WHERE p.person_id = team.person_id;
SELECT 'goals', count(*), sum(length(g.quarter) + length(g.framework) + g.row_number + length(g.created_at) + g.person_id + g.template_id)
FROM temp.g AS x CROSS JOIN goal AS g WHERE g.goal_id = x.goal_id;
SELECT 'templates', count(*), sum(length(t.title)) FROM goal_template AS t
WHERE t.template_id IN (SELECT g.template_id FROM temp.g AS x CROSS JOIN goal AS g WHERE g.goal_id = x.goal_id);
SELECT 'items', count(*), sum(length(i.item) + i.first_line) FROM temp.g AS x CROSS JOIN goal_item AS i WHERE i.goal_id = x.goal_id;
SELECT 'slots', count(*), sum(length(s.item) + length(s.slot)) FROM temp.g AS x CROSS JOIN goal_slot AS s WHERE s.goal_id = x.goal_id;
SELECT 'history', count(*), sum(length(COALESCE(h.item, '')) + length(h.field) + length(COALESCE(h.new_value, '')) + COALESCE(h.person_id, 0))
FROM temp.g AS x CROSS JOIN history AS h WHERE h.goal_id = x.goal_id AND h.changed_at <= 'ASOF';
SELECT 'checkins', count(*), sum(length(c.item) + c.number + length(c.checked_on) + COALESCE(c.corrects_checkin_id, 0))
FROM temp.g AS x CROSS JOIN checkin AS c WHERE c.goal_id = x.goal_id AND c.checked_on <= substr('ASOF', 1, 10);
