-- The least W3 can take on SQLite: the rows its document is made of, read and decoded, and
-- nothing else. No output (one count per table), no sorting, no progress worked out, no JSON.
-- The scope, the templates and the items come first (floor-subtree.sql); the changes are picked
-- as w3.sql picks them. Every column the document shows is read (its length or value summed, so
-- that SQLite decodes it), each person and template once. Anything that makes the document costs
-- more than this.
-- The people, each once with their frame and manager, and the goals.
SELECT 'people', count(*), sum(length(p.employee_id) + length(p.name) + length(COALESCE(m.employee_id, ''))
                     + length(f.family) + length(f.function) + length(f.level_code))
FROM temp.team AS team CROSS JOIN person AS p CROSS JOIN frame AS f LEFT JOIN person AS m ON m.person_id = p.manager_person_id
WHERE p.person_id = team.person_id AND f.frame_id = p.frame_id;
SELECT 'goals', count(*), sum(length(g.quarter) + length(g.framework) + g.row_number + length(g.status) + length(g.created_at)
                     + COALESCE(g.carried_from, 0) + COALESCE(g.weight, 0) + COALESCE(g.score, 0) + COALESCE(g.aligned_to, 0)
                     + g.person_id + g.template_id)
FROM temp.g AS x CROSS JOIN goal AS g WHERE g.goal_id = x.goal_id;
-- Slots and check-ins.
SELECT 'slots', count(*), sum(length(s.item) + length(s.slot) + length(COALESCE(s.value, '')) + COALESCE(s.number, 0) + length(COALESCE(s.unit, '')))
FROM temp.g AS x CROSS JOIN goal_slot AS s WHERE s.goal_id = x.goal_id;
SELECT 'checkins', count(*), sum(length(c.item) + c.number + length(c.checked_on) + COALESCE(c.confidence, 0) + length(COALESCE(c.note, ''))
                     + COALESCE(c.corrects_checkin_id, 0))
FROM temp.g AS x CROSS JOIN checkin AS c WHERE c.goal_id = x.goal_id;
-- The quarter's changes, as w3.sql picks them.
SELECT 'changes', count(*), sum(length(h.changed_at) + length(h.actor) + length(COALESCE(h.item, '')) + length(h.field)
                     + length(COALESCE(h.old_value, '')) + length(COALESCE(h.new_value, '')) + length(COALESCE(h.note, ''))
                     + length(COALESCE(p.employee_id, '')))
FROM temp.g AS x CROSS JOIN history AS h LEFT JOIN person AS p ON p.person_id = h.person_id
WHERE h.goal_id = x.goal_id AND h.changed_at >= '2026-10-01T00:00:00.000Z'
  AND (h.field IN ('created', 'carried_to') OR (h.field = 'target' AND h.old_value IS NOT NULL)
       OR (h.field = 'status' AND h.new_value IN ('dropped', 'carried', 'done')));
