-- Goalbook schema, migration 0005: goals aligned to goals, weights, and quarter-end scores.
--
-- A goal may contribute to one other goal of the same quarter (goal.aligned_to); the links form
-- trees, never cycles. A goal's weight says how much it counts among its person's goals of the
-- quarter, an OKR key result's weight how much it counts inside its objective; NULL weighs 1.
-- A score is given at the quarter's end on the scale the settings give each framework. Every
-- change to these is a row in history (fields aligned_to, weight and score), as for the others.

ALTER TABLE goal ADD COLUMN aligned_to INTEGER REFERENCES goal (goal_id);
ALTER TABLE goal ADD COLUMN weight REAL CHECK (weight IS NULL OR weight >= 0);
ALTER TABLE goal ADD COLUMN score REAL;
ALTER TABLE goal_item ADD COLUMN weight REAL CHECK (weight IS NULL OR weight >= 0);
CREATE INDEX goal_by_aligned_to ON goal (aligned_to) WHERE aligned_to IS NOT NULL;
-- Every link a goal ever had, for trees as of a past instant, without reading all of history.
CREATE INDEX history_by_alignment ON history (goal_id, new_value) WHERE field = 'aligned_to';

-- The links hold under raw SQL too: same quarter, not to itself, no cycle.
CREATE TRIGGER goal_alignment_on_insert BEFORE INSERT ON goal WHEN NEW.aligned_to IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a goal can only be aligned to a goal of the same quarter')
    WHERE NOT EXISTS (SELECT 1 FROM goal AS t WHERE t.goal_id = NEW.aligned_to AND t.quarter = NEW.quarter);
END;
CREATE TRIGGER goal_alignment_on_update BEFORE UPDATE OF aligned_to ON goal WHEN NEW.aligned_to IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a goal cannot be aligned to itself') WHERE NEW.aligned_to = NEW.goal_id;
    SELECT RAISE(ABORT, 'a goal can only be aligned to a goal of the same quarter')
    WHERE NOT EXISTS (SELECT 1 FROM goal AS t WHERE t.goal_id = NEW.aligned_to AND t.quarter = NEW.quarter);
    SELECT RAISE(ABORT, 'a goal cannot be aligned to a goal that is aligned under it')
    WHERE EXISTS (WITH RECURSIVE up(goal_id) AS (
                      SELECT NEW.aligned_to
                      UNION
                      SELECT g.aligned_to FROM goal AS g JOIN up ON g.goal_id = up.goal_id WHERE g.aligned_to IS NOT NULL)
                  SELECT 1 FROM up WHERE up.goal_id = NEW.goal_id);
END;

-- Score scales, one per framework: an organization may change them with plain SQL.
INSERT INTO setting (key, value, description) VALUES
    ('okr_score_min', '0', 'Lowest score an OKR objective can be given (goalbook goals score).'),
    ('okr_score_max', '1', 'Highest score an OKR objective can be given.'),
    ('okr_score_step', '0.1', 'OKR scores go in steps of this size from okr_score_min.'),
    ('smart_score_min', '1', 'Lowest rating a SMART goal can be given.'),
    ('smart_score_max', '5', 'Highest rating a SMART goal can be given.'),
    ('smart_score_step', '1', 'SMART ratings go in steps of this size from smart_score_min.'),
    ('mbo_score_min', '1', 'Lowest rating an MBO goal can be given.'),
    ('mbo_score_max', '5', 'Highest rating an MBO goal can be given.'),
    ('mbo_score_step', '1', 'MBO ratings go in steps of this size from mbo_score_min.'),
    ('scorecard_score_min', '1', 'Lowest rating a Scorecard goal can be given.'),
    ('scorecard_score_max', '5', 'Highest rating a Scorecard goal can be given.'),
    ('scorecard_score_step', '1', 'Scorecard ratings go in steps of this size from scorecard_score_min.');

-- The views that compute progress are made again, with the weights.
DROP VIEW quarter_progress;
DROP VIEW goal_current;
DROP VIEW goal_item_progress;

-- Progress of each goal item, by the rules of docs/reports.md (unchanged), with its weight.
CREATE VIEW goal_item_progress AS
WITH item AS (
    SELECT i.goal_id, i.item, i.direction, i.weight,
           b.slot IS NOT NULL AS has_baseline_slot,
           CASE WHEN b.slot IS NULL THEN 0.0 ELSE b.number END AS baseline,
           t.number AS target,
           COALESCE(t.unit, b.unit) AS unit,
           d.value AS due,
           (SELECT c.number FROM checkin AS c
            WHERE c.goal_id = i.goal_id AND c.item = i.item
              AND NOT EXISTS (SELECT 1 FROM checkin AS k WHERE k.corrects_checkin_id = c.checkin_id)
            ORDER BY c.checked_on DESC, c.checkin_id DESC LIMIT 1) AS latest,
           (SELECT max(c.checked_on) FROM checkin AS c WHERE c.goal_id = i.goal_id AND c.item = i.item) AS last_checkin
    FROM goal_item AS i
    LEFT JOIN goal_slot AS b ON b.goal_id = i.goal_id AND b.item = i.item AND b.slot = 'baseline'
    JOIN goal_slot AS t ON t.goal_id = i.goal_id AND t.item = i.item AND t.slot = 'target'
    LEFT JOIN goal_slot AS d ON d.goal_id = i.goal_id AND d.item = i.item AND d.slot = 'date'
), raw AS (
    SELECT item.*,
           CASE
               WHEN baseline IS NULL OR target IS NULL THEN NULL
               WHEN direction = 'maintain' OR target = baseline THEN
                   CASE WHEN abs(COALESCE(latest, baseline) - target)
                             <= abs(target) * (SELECT CAST(value AS REAL) FROM setting WHERE key = 'maintain_tolerance')
                        THEN 1.0 ELSE 0.0 END
               ELSE (COALESCE(latest, baseline) - baseline) / (target - baseline)
           END AS progress_raw
    FROM item
)
SELECT goal_id, item, direction, CASE WHEN has_baseline_slot THEN baseline END AS baseline, target, unit, due,
       latest, last_checkin, progress_raw,
       CASE WHEN progress_raw IS NULL THEN NULL ELSE max(0.0, min(1.0, progress_raw)) END AS progress,
       weight
FROM raw;

-- One row per goal, with its person, manager, frame, values, progress (weighted over its key
-- results), weight, score and the goal it is aligned to.
CREATE VIEW goal_current AS
SELECT g.goal_id,
       'G' || g.goal_id AS goal,
       p.employee_id AS person_id,
       p.name AS person_name,
       m.employee_id AS manager_id,
       f.family, f.function, f.level_code AS level,
       g.quarter, g.framework, g.row_number, g.status, t.title,
       first.item AS item,
       first.baseline, first.target, first.unit, first.direction, first.due,
       first.latest AS latest_value,
       (SELECT sum(COALESCE(ip.weight, 1.0) * ip.progress)
               / sum(CASE WHEN ip.progress IS NOT NULL THEN COALESCE(ip.weight, 1.0) END)
        FROM goal_item_progress AS ip WHERE ip.goal_id = g.goal_id) AS progress,
       (SELECT sum(COALESCE(ip.weight, 1.0) * ip.progress_raw)
               / sum(CASE WHEN ip.progress_raw IS NOT NULL THEN COALESCE(ip.weight, 1.0) END)
        FROM goal_item_progress AS ip WHERE ip.goal_id = g.goal_id) AS progress_raw,
       (SELECT max(ip.last_checkin) FROM goal_item_progress AS ip WHERE ip.goal_id = g.goal_id) AS last_checkin,
       (SELECT count(*) FROM goal_slot AS s WHERE s.goal_id = g.goal_id AND s.value IS NOT NULL) AS slots_filled,
       (SELECT count(*) FROM goal_slot AS s WHERE s.goal_id = g.goal_id) AS slots_total,
       fv.canon_version_id,
       t.statement_id,
       t.frame_version_id <> (SELECT max(x.frame_version_id) FROM frame_version AS x WHERE x.frame_id = g.frame_id) AS canon_moved_on,
       g.carried_from,
       g.created_at, g.created_by,
       g.weight,
       g.score,
       g.aligned_to AS aligned_to_goal_id,
       'G' || g.aligned_to AS aligned_to
FROM goal AS g
JOIN person AS p ON p.person_id = g.person_id
LEFT JOIN person AS m ON m.person_id = p.manager_person_id
JOIN frame AS f ON f.frame_id = p.frame_id
JOIN goal_template AS t ON t.template_id = g.template_id
JOIN frame_version AS fv ON fv.frame_version_id = t.frame_version_id
LEFT JOIN goal_item_progress AS first
       ON first.goal_id = g.goal_id
      AND first.item = (SELECT i.item FROM goal_item AS i WHERE i.goal_id = g.goal_id ORDER BY i.first_line LIMIT 1);

-- Per person and quarter: goals by status, plain and weighted progress, weights, scores, slots.
CREATE VIEW quarter_progress AS
WITH counted AS (
    SELECT gc.*, gc.status <> 'dropped' AND gc.status <> 'carried' AS counts, COALESCE(gc.weight, 1.0) AS effective_weight
    FROM goal_current AS gc
)
SELECT c.person_id, c.person_name, c.manager_id, c.quarter,
       count(*) AS goals,
       sum(c.status = 'draft') AS draft,
       sum(c.status = 'active') AS active,
       sum(c.status = 'done') AS done,
       sum(c.status = 'dropped') AS dropped,
       sum(c.status = 'carried') AS carried,
       avg(CASE WHEN c.counts THEN c.progress END) AS average_progress,
       sum(c.slots_filled) AS slots_filled,
       sum(c.slots_total) AS slots_total,
       sum(CASE WHEN c.counts THEN c.effective_weight * c.progress END)
           / sum(CASE WHEN c.counts AND c.progress IS NOT NULL THEN c.effective_weight END) AS weighted_progress,
       sum(CASE WHEN c.counts AND c.weight IS NOT NULL THEN 1 ELSE 0 END) AS weights_set,
       total(CASE WHEN c.counts THEN c.effective_weight END) AS weight_total,
       sum(CASE WHEN c.counts AND c.score IS NOT NULL THEN 1 ELSE 0 END) AS scored
FROM counted AS c
GROUP BY c.person_id, c.quarter;

-- Every (ancestor, descendant) pair of the alignment trees, like org_tree for people; depth 0
-- pairs each goal with itself.
CREATE VIEW goal_alignment AS
WITH RECURSIVE tree(ancestor_goal_id, descendant_goal_id, depth) AS (
    SELECT goal_id, goal_id, 0 FROM goal
    UNION ALL
    SELECT t.ancestor_goal_id, g.goal_id, t.depth + 1
    FROM tree AS t JOIN goal AS g ON g.aligned_to = t.descendant_goal_id
)
SELECT t.ancestor_goal_id, 'G' || t.ancestor_goal_id AS ancestor, pa.employee_id AS ancestor_person_id,
       t.descendant_goal_id, 'G' || t.descendant_goal_id AS descendant, pd.employee_id AS descendant_person_id,
       d.status AS descendant_status, d.weight AS descendant_weight, a.quarter, t.depth
FROM tree AS t
JOIN goal AS a ON a.goal_id = t.ancestor_goal_id
JOIN goal AS d ON d.goal_id = t.descendant_goal_id
JOIN person AS pa ON pa.person_id = a.person_id
JOIN person AS pd ON pd.person_id = d.person_id;

UPDATE dictionary SET description = 'The goal''s progress, 0..1: the mean over its items that have one, weighted by the items'' weights (an unset weight is 1); NULL when not filled.'
WHERE object = 'goal_current' AND "column" = 'progress';
UPDATE dictionary SET description = 'Goals, each made from one template row of its person''s frame, with its weight, score and the goal it is aligned to. Shown as G<goal_id>. Never deleted.'
WHERE object = 'goal' AND "column" = '';
UPDATE dictionary SET description = 'Per person and quarter: goals by status, plain and weighted progress (dropped and carried goals left out), weights, scores and slots filled.'
WHERE object = 'quarter_progress' AND "column" = '';

INSERT INTO dictionary (object, "column", type, description) VALUES
('goal', 'aligned_to', 'INTEGER', 'The goal of the same quarter this one contributes to (goal.goal_id); NULL when aligned to nothing. History field aligned_to.'),
('goal', 'weight', 'REAL', 'How much the goal counts among its person''s goals of the quarter (usually out of 100); NULL weighs 1. History field weight.'),
('goal', 'score', 'REAL', 'Quarter-end score on the framework''s scale (settings <framework>_score_min/max/step); NULL until scored. History field score.'),
('goal_item', 'weight', 'REAL', 'How much a key result counts inside its objective; NULL weighs 1. History field weight with this item.'),
('goal_item_progress', 'weight', 'REAL', 'The item''s weight as set; NULL weighs 1.'),
('goal_current', 'weight', 'REAL', 'The goal''s weight among its person''s goals of the quarter; NULL weighs 1.'),
('goal_current', 'score', 'REAL', 'The quarter-end score; NULL until scored.'),
('goal_current', 'aligned_to_goal_id', 'INTEGER', 'The goal this one is aligned to; NULL when none.'),
('goal_current', 'aligned_to', 'TEXT', 'The same as users see it, G<goal_id>.'),
('quarter_progress', 'weighted_progress', 'REAL', 'Mean progress of the goals that have one, weighted by goal weight (unset weighs 1), 0..1.'),
('quarter_progress', 'weights_set', 'INTEGER', 'Goals (not dropped or carried) with a weight set.'),
('quarter_progress', 'weight_total', 'REAL', 'Sum of the weights of the goals not dropped or carried (unset weighs 1); goals list and the report warn when weights are set and this is not 100.'),
('quarter_progress', 'scored', 'INTEGER', 'Goals (not dropped or carried) with a quarter-end score.'),
('goal_alignment', '', 'view', 'Every (ancestor, descendant) pair of the goal alignment trees; depth 0 pairs each goal with itself. Everything under G17: WHERE ancestor_goal_id = 17 AND depth > 0. Past links: goal_history WHERE field = ''aligned_to''.'),
('goal_alignment', 'ancestor_goal_id', 'INTEGER', 'The goal at the top of the pair.'),
('goal_alignment', 'ancestor', 'TEXT', 'The same as users see it, G<goal_id>.'),
('goal_alignment', 'ancestor_person_id', 'TEXT', 'Employee id of its owner.'),
('goal_alignment', 'descendant_goal_id', 'INTEGER', 'The goal below it, aligned to it directly (depth 1) or through others.'),
('goal_alignment', 'descendant', 'TEXT', 'The same as users see it, G<goal_id>.'),
('goal_alignment', 'descendant_person_id', 'TEXT', 'Employee id of its owner.'),
('goal_alignment', 'descendant_status', 'TEXT', 'The descendant''s status (dropped and carried goals do not count in roll-ups).'),
('goal_alignment', 'descendant_weight', 'REAL', 'The descendant''s weight; NULL weighs 1.'),
('goal_alignment', 'quarter', 'TEXT', 'The quarter of both goals.'),
('goal_alignment', 'depth', 'INTEGER', 'Links between them: 1 when the descendant is aligned straight to the ancestor, 0 for the goal itself.');
