-- What w3-floor.sql and tree-floor.sql share, run before either in the same sqlite3 process
-- (scripts/bench does): their scope, TEAM and everyone below, less those gone before 2026Q4 began
-- (as w3.sql and goalbook pick them), and their goals of 2026Q4; then the rows both read alike,
-- each template's title once and the goals' items.
CREATE TEMP TABLE team AS
WITH RECURSIVE
walk(person_id) AS MATERIALIZED (
    SELECT person_id FROM person WHERE employee_id = 'TEAM'
    UNION ALL
    SELECT p.person_id FROM person AS p JOIN walk AS t ON p.manager_person_id = t.person_id
    WHERE p.left_on IS NULL OR p.left_on >= '2026-10-01')
SELECT person_id FROM walk;
CREATE TEMP TABLE g AS
SELECT g.goal_id FROM temp.team AS t CROSS JOIN goal AS g WHERE g.person_id = t.person_id AND g.quarter = '2026Q4';
SELECT 'templates', count(*), sum(length(t.title)) FROM goal_template AS t
WHERE t.template_id IN (SELECT g.template_id FROM temp.g AS x CROSS JOIN goal AS g WHERE g.goal_id = x.goal_id);
SELECT 'items', count(*), sum(length(i.item) + i.first_line + length(COALESCE(i.direction, '')) + COALESCE(i.weight, 0)
                     + length(COALESCE(i.keep, '')) + COALESCE(i.tolerance, 0))
FROM temp.g AS x CROSS JOIN goal_item AS i WHERE i.goal_id = x.goal_id;
