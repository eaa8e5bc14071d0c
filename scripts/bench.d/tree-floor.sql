-- The least `goals tree --team TEAM -p 2026Q4` can take on SQLite: the rows its trees are drawn
-- from, read and decoded, and nothing else. No output (one count per table), no trees, no
-- progress worked out. The team's goals of the quarter, each template once and the goals' items
-- come first (floor-subtree.sql; not the goals outside the team that they are aligned to, which the
-- tree also reads); then each owner once, the goals, their slots (the baselines and targets that
-- progress is measured by) and their check-ins. Anything that draws the trees costs more than this.
SELECT 'people', count(*), sum(length(p.employee_id) + length(p.name) + COALESCE(p.manager_person_id, 0))
FROM temp.team AS team CROSS JOIN person AS p WHERE p.person_id = team.person_id;
SELECT 'goals', count(*), sum(length(g.framework) + g.row_number + length(g.status) + length(g.created_at)
                     + COALESCE(g.weight, 0) + COALESCE(g.score, 0) + COALESCE(g.aligned_to, 0) + g.person_id + g.template_id)
FROM temp.g AS x CROSS JOIN goal AS g WHERE g.goal_id = x.goal_id;
SELECT 'slots', count(*), sum(length(s.item) + length(s.slot) + length(COALESCE(s.value, '')) + COALESCE(s.number, 0))
FROM temp.g AS x CROSS JOIN goal_slot AS s WHERE s.goal_id = x.goal_id;
SELECT 'checkins', count(*), sum(length(c.item) + c.number + length(c.checked_on) + COALESCE(c.corrects_checkin_id, 0))
FROM temp.g AS x CROSS JOIN checkin AS c WHERE c.goal_id = x.goal_id;
