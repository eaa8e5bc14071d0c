-- Goalbook schema, migration 0006: every figure means what its label says.
--
-- Carried goals stay their quarter's goals. `goals carry` no longer changes the goal it carries:
-- the old goal keeps its status, progress, score, weight and alignment in its own quarter, takes
-- no more changes, and history records where it went (field carried_to). The goal that continues
-- it names it in carried_from, so carried_to is derived from that. Goals that an earlier version
-- marked 'carried' keep that status, and count like active goals.
--
-- A goal that keeps a value (direction maintain) says which side of its target is met
-- (goal_item.keep: at_least, at_most or within; NULL means within) and how far off still counts
-- (goal_item.tolerance, in the goal's own unit; NULL means 0). The relative maintain_tolerance
-- setting is gone: a 2.5-point miss on a 99.5% SLO is a miss.
--
-- A check-in is corrected at most once: a correction replaces what it corrects, and a second
-- correction of the same check-in is refused (correct the correction instead). Where an older
-- file holds two corrections of one check-in, only the later one counts.
--
-- A team's weighted progress is the mean of its people's own weighted progress (team_progress).

ALTER TABLE goal_item ADD COLUMN keep TEXT CHECK (keep IS NULL OR keep = 'at_least' OR keep = 'at_most' OR keep = 'within');
ALTER TABLE goal_item ADD COLUMN tolerance REAL CHECK (tolerance IS NULL OR tolerance >= 0);

DELETE FROM setting WHERE key = 'maintain_tolerance';

CREATE INDEX checkin_by_correction ON checkin (corrects_checkin_id) WHERE corrects_checkin_id IS NOT NULL;
CREATE TRIGGER checkin_corrected_once BEFORE INSERT ON checkin WHEN NEW.corrects_checkin_id IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'that check-in has been corrected already: correct the correction instead')
    WHERE EXISTS (SELECT 1 FROM checkin AS k WHERE k.corrects_checkin_id = NEW.corrects_checkin_id);
END;

-- The views that read check-ins, maintain goals and carried goals are made again.
DROP VIEW checkin_latest;
DROP VIEW checkin_all;
DROP VIEW quarter_progress;
DROP VIEW goal_current;
DROP VIEW goal_item_progress;

-- Progress of each goal item, by the rules of docs/reports.md, with its weight and, for a goal
-- that keeps a value, its side and tolerance.
CREATE VIEW goal_item_progress AS
WITH item AS (
    SELECT i.goal_id, i.item, i.direction, i.weight, i.keep, i.tolerance,
           b.slot IS NOT NULL AS has_baseline_slot,
           CASE WHEN b.slot IS NULL THEN 0.0 ELSE b.number END AS baseline,
           t.number AS target,
           COALESCE(t.unit, b.unit) AS unit,
           d.value AS due,
           (SELECT c.number FROM checkin AS c
            WHERE c.goal_id = i.goal_id AND c.item = i.item
              AND NOT EXISTS (SELECT 1 FROM checkin AS k WHERE k.corrects_checkin_id = c.checkin_id)
              AND NOT EXISTS (SELECT 1 FROM checkin AS k WHERE k.corrects_checkin_id = c.corrects_checkin_id AND k.checkin_id > c.checkin_id)
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
                   -- met on its side of the target, the tolerance allowed (and a billionth of
                   -- the target, so decimal arithmetic never misses an exact hit)
                   CASE WHEN CASE COALESCE(keep, 'within')
                                 WHEN 'at_least' THEN COALESCE(latest, baseline)
                                      >= target - COALESCE(tolerance, 0.0) - 1e-9 * max(1.0, abs(target))
                                 WHEN 'at_most' THEN COALESCE(latest, baseline)
                                      <= target + COALESCE(tolerance, 0.0) + 1e-9 * max(1.0, abs(target))
                                 ELSE abs(COALESCE(latest, baseline) - target)
                                      <= COALESCE(tolerance, 0.0) + 1e-9 * max(1.0, abs(target))
                             END
                        THEN 1.0 ELSE 0.0 END
               ELSE (COALESCE(latest, baseline) - baseline) / (target - baseline)
           END AS progress_raw
    FROM item
)
SELECT goal_id, item, direction, CASE WHEN has_baseline_slot THEN baseline END AS baseline, target, unit, due,
       latest, last_checkin, progress_raw,
       CASE WHEN progress_raw IS NULL THEN NULL ELSE max(0.0, min(1.0, progress_raw)) END AS progress,
       weight, keep, tolerance
FROM raw;

-- One row per goal, with its person, manager, frame, values, progress (weighted over its key
-- results), weight, score, the goal it is aligned to and the goal that continues it.
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
       'G' || g.aligned_to AS aligned_to,
       first.keep, first.tolerance,
       (SELECT c.goal_id FROM goal AS c WHERE c.carried_from = g.goal_id) AS carried_to_goal_id,
       (SELECT 'G' || c.goal_id FROM goal AS c WHERE c.carried_from = g.goal_id) AS carried_to
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
-- Every goal but a dropped one counts, carried goals included.
CREATE VIEW quarter_progress AS
WITH counted AS (
    SELECT gc.*, gc.status <> 'dropped' AS counts, COALESCE(gc.weight, 1.0) AS effective_weight
    FROM goal_current AS gc
)
SELECT c.person_id, c.person_name, c.manager_id, c.quarter,
       count(*) AS goals,
       sum(c.status = 'draft') AS draft,
       sum(c.status = 'active') AS active,
       sum(c.status = 'done') AS done,
       sum(c.status = 'dropped') AS dropped,
       sum(c.carried_to_goal_id IS NOT NULL OR c.status = 'carried') AS carried,
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

-- Per team (a manager and everyone below them, as they are now) and quarter: the report's
-- roll-up figures. Average progress is the mean over the team's goals; weighted progress the
-- mean of its people's own weighted progress.
CREATE VIEW team_progress AS
SELECT o.ancestor_id AS team_id, o.ancestor_name AS team_name, q.quarter,
       count(*) AS people_with_goals,
       sum(q.goals) AS goals,
       (SELECT avg(gc.progress) FROM goal_current AS gc JOIN org_tree AS t ON t.descendant_id = gc.person_id
        WHERE t.ancestor_id = o.ancestor_id AND gc.quarter = q.quarter AND gc.status <> 'dropped') AS average_progress,
       avg(q.weighted_progress) AS weighted_progress,
       sum(q.scored) AS scored
FROM org_tree AS o
JOIN quarter_progress AS q ON q.person_id = o.descendant_id
GROUP BY o.ancestor_id, q.quarter;

-- Every check-in, with its goal and person, and whether a correction replaced it.
CREATE VIEW checkin_all AS
SELECT c.checkin_id, 'C' || c.checkin_id AS checkin, c.goal_id, 'G' || c.goal_id AS goal,
       p.employee_id AS person_id, p.name AS person_name, g.quarter,
       c.item, c.value, c.number, c.unit, c.checked_on, c.confidence, c.note,
       c.corrects_checkin_id,
       (EXISTS (SELECT 1 FROM checkin AS k WHERE k.corrects_checkin_id = c.checkin_id)
        OR EXISTS (SELECT 1 FROM checkin AS k WHERE k.corrects_checkin_id = c.corrects_checkin_id AND k.checkin_id > c.checkin_id)) AS corrected,
       c.recorded_at, c.actor
FROM checkin AS c
JOIN goal AS g ON g.goal_id = c.goal_id
JOIN person AS p ON p.person_id = g.person_id;

-- The check-in that counts for each goal item: the newest by date, then by recording, that no
-- correction replaced.
CREATE VIEW checkin_latest AS
SELECT a.* FROM checkin_all AS a
WHERE a.corrected = 0
  AND a.checkin_id = (SELECT b.checkin_id FROM checkin_all AS b
                      WHERE b.goal_id = a.goal_id AND b.item = a.item AND b.corrected = 0
                      ORDER BY b.checked_on DESC, b.checkin_id DESC LIMIT 1);

UPDATE dictionary SET description = 'draft, active, done or dropped; carried only for goals an earlier version of Goalbook carried (they count like active goals). A goal carried by goals carry keeps its status: see carried_to.'
WHERE (object = 'goal' OR object = 'goal_current') AND "column" = 'status';
UPDATE dictionary SET description = 'Per person and quarter: goals by status, plain and weighted progress (dropped goals left out; carried goals count in their own quarter), weights, scores and slots filled.'
WHERE object = 'quarter_progress' AND "column" = '';
UPDATE dictionary SET description = 'Goals carried into a later quarter (counted under their status too).'
WHERE object = 'quarter_progress' AND "column" = 'carried';
UPDATE dictionary SET description = 'Goals (not dropped) with a weight set.'
WHERE object = 'quarter_progress' AND "column" = 'weights_set';
UPDATE dictionary SET description = 'Sum of the weights of the goals not dropped (unset weighs 1); goals list and the report warn when weights are set and this is not 100.'
WHERE object = 'quarter_progress' AND "column" = 'weight_total';
UPDATE dictionary SET description = 'Goals (not dropped) with a quarter-end score.'
WHERE object = 'quarter_progress' AND "column" = 'scored';
UPDATE dictionary SET description = 'The descendant''s status (dropped goals do not count in roll-ups).'
WHERE object = 'goal_alignment' AND "column" = 'descendant_status';
UPDATE dictionary SET description = '1 when a correction replaced this check-in (it no longer counts): a check-in naming it, or a later correction of the same check-in.'
WHERE object = 'checkin_all' AND "column" = 'corrected';
UPDATE dictionary SET description = 'The check-in this one corrects, if any. A check-in is corrected once; to change a correction, correct the correction.'
WHERE (object = 'checkin' OR object = 'checkin_all' OR object = 'checkin_latest') AND "column" = 'corrects_checkin_id';

UPDATE dictionary SET description = 'What changed. Goal fields: created, status, owner, direction, baseline, target, date (with item), keep and tolerance (maintain items, with item), weight (the goal''s, or a key result''s with item), score, aligned_to, carried_to (the goal of a later quarter that continues it). Person fields: created, name, email, manager, family, function, level, left_on. Quarter events: quarter.'
WHERE object = 'history' AND "column" = 'field';
UPDATE dictionary SET description = 'For item fields (baseline, target, date, direction, keep, tolerance, a key result''s weight): main, KR1 or KR2.'
WHERE (object = 'history' OR object = 'goal_history') AND "column" = 'item';
UPDATE dictionary SET description = 'What changed: created, status, owner, direction, baseline, target, date, keep, tolerance, weight, score, aligned_to or carried_to (see history.field).'
WHERE object = 'goal_history' AND "column" = 'field';
UPDATE dictionary SET description = 'Setting name: fiscal_year_start_month, on_track_ratio, at_risk_ratio, and each framework''s score scale: okr_score_min, okr_score_max, okr_score_step, smart_score_min, smart_score_max, smart_score_step, mbo_score_min, mbo_score_max, mbo_score_step, scorecard_score_min, scorecard_score_max, scorecard_score_step.'
WHERE object = 'setting' AND "column" = 'key';

INSERT INTO dictionary (object, "column", type, description) VALUES
('goal_item', 'keep', 'TEXT', 'For a goal that keeps a value (direction maintain): at_least, at_most or within, the side of the target on which it is met; NULL means within. History field keep with this item.'),
('goal_item', 'tolerance', 'REAL', 'For a goal that keeps a value: how far from the target still counts as met, in the item''s own unit; NULL means 0. History field tolerance with this item.'),
('goal_item_progress', 'keep', 'TEXT', 'at_least, at_most or within (NULL means within), for a maintain item.'),
('goal_item_progress', 'tolerance', 'REAL', 'The tolerance in the item''s unit (NULL means 0), for a maintain item.'),
('goal_current', 'keep', 'TEXT', 'The first item''s keep (maintain goals).'),
('goal_current', 'tolerance', 'REAL', 'The first item''s tolerance (maintain goals).'),
('goal_current', 'carried_to_goal_id', 'INTEGER', 'The goal of a later quarter that continues this one, once it was carried; NULL otherwise. A carried goal keeps its figures in its own quarter and takes no more changes.'),
('goal_current', 'carried_to', 'TEXT', 'The same as users see it, G<goal_id>.'),
('team_progress', '', 'view', 'Per team (a manager and everyone below them, at any depth, as the manager tree is now) and quarter: the report''s roll-up figures.'),
('team_progress', 'team_id', 'TEXT', 'Employee id of the team''s head.'),
('team_progress', 'team_name', 'TEXT', 'The head''s name.'),
('team_progress', 'quarter', 'TEXT', 'The quarter.'),
('team_progress', 'people_with_goals', 'INTEGER', 'People of the team with goals that quarter, the head included.'),
('team_progress', 'goals', 'INTEGER', 'Their goals, of every status.'),
('team_progress', 'average_progress', 'REAL', 'Mean progress of the team''s goals that have one (dropped goals left out), 0..1.'),
('team_progress', 'weighted_progress', 'REAL', 'Mean of the people''s own weighted progress (quarter_progress.weighted_progress), over the people who have one: weights compare goals within one person''s quarter, so no one''s scale swamps another''s.'),
('team_progress', 'scored', 'INTEGER', 'Goals of the team (not dropped) with a quarter-end score.');
