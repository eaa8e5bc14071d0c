-- The scope that w3-floor.sql and tree-floor.sql read: TEAM and everyone below, less those gone
-- before 2026Q4 began (as w3.sql and goalbook pick them), and their goals of 2026Q4. Run before
-- either, in the same sqlite3 process (scripts/bench does).
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
