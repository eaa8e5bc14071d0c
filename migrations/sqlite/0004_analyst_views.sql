-- Goalbook schema, migration 0004: views for the questions analysts ask most, and a data
-- dictionary inside the file, so every table, view and column carries its description.

-- Progress of each goal item, by the rules of docs/reports.md. An item with no baseline slot
-- counts from 0; with no check-in its latest value is the baseline; a maintain item is met (1)
-- within the maintain_tolerance setting of its target.
CREATE VIEW goal_item_progress AS
WITH item AS (
    SELECT i.goal_id, i.item, i.direction,
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
       CASE WHEN progress_raw IS NULL THEN NULL ELSE max(0.0, min(1.0, progress_raw)) END AS progress
FROM raw;

-- One row per goal, with its person, manager, frame, values and progress.
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
       (SELECT avg(ip.progress) FROM goal_item_progress AS ip WHERE ip.goal_id = g.goal_id) AS progress,
       (SELECT avg(ip.progress_raw) FROM goal_item_progress AS ip WHERE ip.goal_id = g.goal_id) AS progress_raw,
       (SELECT max(ip.last_checkin) FROM goal_item_progress AS ip WHERE ip.goal_id = g.goal_id) AS last_checkin,
       (SELECT count(*) FROM goal_slot AS s WHERE s.goal_id = g.goal_id AND s.value IS NOT NULL) AS slots_filled,
       (SELECT count(*) FROM goal_slot AS s WHERE s.goal_id = g.goal_id) AS slots_total,
       fv.canon_version_id,
       t.statement_id,
       t.frame_version_id <> (SELECT max(x.frame_version_id) FROM frame_version AS x WHERE x.frame_id = g.frame_id) AS canon_moved_on,
       g.carried_from,
       g.created_at, g.created_by
FROM goal AS g
JOIN person AS p ON p.person_id = g.person_id
LEFT JOIN person AS m ON m.person_id = p.manager_person_id
JOIN frame AS f ON f.frame_id = p.frame_id
JOIN goal_template AS t ON t.template_id = g.template_id
JOIN frame_version AS fv ON fv.frame_version_id = t.frame_version_id
LEFT JOIN goal_item_progress AS first
       ON first.goal_id = g.goal_id
      AND first.item = (SELECT i.item FROM goal_item AS i WHERE i.goal_id = g.goal_id ORDER BY i.first_line LIMIT 1);

-- Every change to a goal, with its person.
CREATE VIEW goal_history AS
SELECT h.history_id, h.changed_at, h.goal_id, 'G' || h.goal_id AS goal,
       p.employee_id AS person_id, p.name AS person_name,
       h.item, h.field, h.old_value, h.new_value, h.actor, h.command, h.note
FROM history AS h
LEFT JOIN person AS p ON p.person_id = h.person_id
WHERE h.goal_id IS NOT NULL;

-- Every check-in, with its goal and person, and whether a later correction replaced it.
CREATE VIEW checkin_all AS
SELECT c.checkin_id, 'C' || c.checkin_id AS checkin, c.goal_id, 'G' || c.goal_id AS goal,
       p.employee_id AS person_id, p.name AS person_name, g.quarter,
       c.item, c.value, c.number, c.unit, c.checked_on, c.confidence, c.note,
       c.corrects_checkin_id,
       EXISTS (SELECT 1 FROM checkin AS k WHERE k.corrects_checkin_id = c.checkin_id) AS corrected,
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

-- Every (ancestor, descendant) pair of the manager tree, with the number of levels between
-- them; depth 0 pairs each person with themselves.
CREATE VIEW org_tree AS
WITH RECURSIVE tree(ancestor_person_id, descendant_person_id, depth) AS (
    SELECT person_id, person_id, 0 FROM person
    UNION ALL
    SELECT t.ancestor_person_id, p.person_id, t.depth + 1
    FROM tree AS t JOIN person AS p ON p.manager_person_id = t.descendant_person_id
)
SELECT a.employee_id AS ancestor_id, a.name AS ancestor_name,
       d.employee_id AS descendant_id, d.name AS descendant_name, t.depth
FROM tree AS t
JOIN person AS a ON a.person_id = t.ancestor_person_id
JOIN person AS d ON d.person_id = t.descendant_person_id;

-- Per person and quarter: goals by status, average progress and slots filled.
CREATE VIEW quarter_progress AS
SELECT gc.person_id, gc.person_name, gc.manager_id, gc.quarter,
       count(*) AS goals,
       sum(gc.status = 'draft') AS draft,
       sum(gc.status = 'active') AS active,
       sum(gc.status = 'done') AS done,
       sum(gc.status = 'dropped') AS dropped,
       sum(gc.status = 'carried') AS carried,
       avg(CASE WHEN gc.status = 'dropped' OR gc.status = 'carried' THEN NULL ELSE gc.progress END) AS average_progress,
       sum(gc.slots_filled) AS slots_filled,
       sum(gc.slots_total) AS slots_total
FROM goal_current AS gc
GROUP BY gc.person_id, gc.quarter;

-- Every canon statement of every version, with its frame.
CREATE VIEW canon_statement AS
SELECT s.statement_id, s.kind, s.position, s.name, s.area, s.description, s.text, s.source_label, s.source_line,
       f.family, f.function, f.level_code AS level, fv.level_title,
       fv.frame_version_id, fv.canon_version_id, cv.source AS canon_source, cv.release_label AS canon_release,
       cv.file_name AS canon_file, cv.imported_at,
       fv.frame_version_id = (SELECT max(x.frame_version_id) FROM frame_version AS x WHERE x.frame_id = f.frame_id) AS is_current
FROM frame_statement AS s
JOIN frame_version AS fv ON fv.frame_version_id = s.frame_version_id
JOIN frame AS f ON f.frame_id = fv.frame_id
JOIN canon_version AS cv ON cv.canon_version_id = fv.canon_version_id;

-- The data dictionary: one row per table or view (column '') and per column.
CREATE TABLE dictionary (
    object       TEXT NOT NULL,
    "column"     TEXT NOT NULL,
    type         TEXT NOT NULL,
    description  TEXT NOT NULL,
    PRIMARY KEY (object, "column")
) STRICT;

INSERT INTO dictionary (object, "column", type, description) VALUES
('dictionary', '', 'table', 'This data dictionary: a description of every table, view and column in the file.'),
('dictionary', 'object', 'TEXT', 'Table or view name.'),
('dictionary', 'column', 'TEXT', 'Column name; empty for the row describing the table or view itself.'),
('dictionary', 'type', 'TEXT', 'table or view for objects; the column type (TEXT, INTEGER, REAL, BOOLEAN) for columns.'),
('dictionary', 'description', 'TEXT', 'What the table, view or column holds.'),

('schema_migration', '', 'table', 'Every schema migration applied to this file, in order. PRAGMA user_version is the highest version.'),
('schema_migration', 'version', 'INTEGER', 'Migration number (0001_canon.sql is 1).'),
('schema_migration', 'name', 'TEXT', 'Migration name from its file name.'),
('schema_migration', 'sha256', 'TEXT', 'SHA-256 of the migration file as applied.'),
('schema_migration', 'applied_at', 'TEXT', 'When it was applied (ISO-8601 UTC).'),

('canon_version', '', 'table', 'One row per canon file imported with distinct bytes. Append-only.'),
('canon_version', 'canon_version_id', 'INTEGER', 'Stable id of the canon version.'),
('canon_version', 'source', 'TEXT', 'Short name of the canon source (JFM; Ladder for career ladders).'),
('canon_version', 'release_label', 'TEXT', 'The source''s own release label, if it gave one.'),
('canon_version', 'format', 'TEXT', 'yaml (job-frame YAML) or ladder (career-ladder text).'),
('canon_version', 'file_name', 'TEXT', 'File name as given on import; builtin:NAME for the built-in canon.'),
('canon_version', 'sha256', 'TEXT', 'SHA-256 of the file''s bytes; identical bytes are never imported twice.'),
('canon_version', 'byte_count', 'INTEGER', 'Size of the file in bytes.'),
('canon_version', 'imported_at', 'TEXT', 'When it was imported (ISO-8601 UTC).'),
('canon_version', 'imported_by', 'TEXT', 'Who imported it.'),

('frame', '', 'table', 'A job frame: one level of one function of one family. Stable id, never deleted.'),
('frame', 'frame_id', 'INTEGER', 'Stable id of the frame.'),
('frame', 'family', 'TEXT', 'Job family, e.g. Data Science & Analytics.'),
('frame', 'function', 'TEXT', 'Job function, e.g. AI / Machine Learning Engineering.'),
('frame', 'level_code', 'TEXT', 'Level code, e.g. P2.'),

('frame_version', '', 'table', 'A frame as one canon version describes it; a new row only when the frame''s content changed.'),
('frame_version', 'frame_version_id', 'INTEGER', 'Stable id of the frame version.'),
('frame_version', 'frame_id', 'INTEGER', 'The frame (frame.frame_id).'),
('frame_version', 'canon_version_id', 'INTEGER', 'The canon version it came with (canon_version.canon_version_id).'),
('frame_version', 'level_title', 'TEXT', 'Level title, e.g. Developing Professional; NULL where the canon has none.'),
('frame_version', 'content_sha256', 'TEXT', 'Fingerprint of the title and statements, used to detect change.'),

('frame_statement', '', 'table', 'Every statement of a frame version, verbatim. Append-only.'),
('frame_statement', 'statement_id', 'INTEGER', 'Stable id of the statement; goals point at it.'),
('frame_statement', 'frame_version_id', 'INTEGER', 'The frame version (frame_version.frame_version_id).'),
('frame_statement', 'kind', 'TEXT', 'responsibility, dimension (one bar), rubric, summary, paragraph, footnote or title.'),
('frame_statement', 'position', 'INTEGER', '1-based order among the frame version''s statements of this kind.'),
('frame_statement', 'name', 'TEXT', 'Dimension or rubric name; a ladder responsibility''s name.'),
('frame_statement', 'area', 'TEXT', 'Ladder area (Results, Direction, ...).'),
('frame_statement', 'description', 'TEXT', 'A dimension''s description, where the canon gives one.'),
('frame_statement', 'text', 'TEXT', 'The statement, byte for byte as imported.'),
('frame_statement', 'source_label', 'TEXT', 'Source label as templates cite it, e.g. JFM responsibility (P2).'),
('frame_statement', 'source_line', 'INTEGER', 'Line of the statement in the imported file.'),

('frame_current', '', 'view', 'Each frame with its newest version: what templates are printed from today.'),
('frame_current', 'frame_id', 'INTEGER', 'The frame.'),
('frame_current', 'family', 'TEXT', 'Job family.'),
('frame_current', 'function', 'TEXT', 'Job function.'),
('frame_current', 'level_code', 'TEXT', 'Level code.'),
('frame_current', 'level_title', 'TEXT', 'Level title in the newest version.'),
('frame_current', 'frame_version_id', 'INTEGER', 'The newest frame version.'),
('frame_current', 'canon_version_id', 'INTEGER', 'The canon version of the newest frame version.'),

('person', '', 'table', 'People, by the organization''s own employee id. Never deleted; left_on ends them.'),
('person', 'person_id', 'INTEGER', 'Internal id; other tables refer to people by it.'),
('person', 'employee_id', 'TEXT', 'The organization''s employee id, e.g. E100 (unique).'),
('person', 'name', 'TEXT', 'Full name.'),
('person', 'email', 'TEXT', 'Email address, if known.'),
('person', 'manager_person_id', 'INTEGER', 'The manager (person.person_id); NULL at the top of the tree.'),
('person', 'frame_id', 'INTEGER', 'The person''s job frame (frame.frame_id).'),
('person', 'left_on', 'TEXT', 'ISO date of the last day of employment; NULL while employed.'),
('person', 'created_at', 'TEXT', 'When the person was added (ISO-8601 UTC).'),

('goal', '', 'table', 'Goals, each made from one template row of its person''s frame. Shown as G<goal_id>. Never deleted.'),
('goal', 'goal_id', 'INTEGER', 'Stable id; users see it as G<goal_id>.'),
('goal', 'person_id', 'INTEGER', 'The owner (person.person_id).'),
('goal', 'quarter', 'TEXT', 'Quarter, e.g. 2026Q4.'),
('goal', 'framework', 'TEXT', 'smart, okr, mbo or scorecard.'),
('goal', 'row_number', 'INTEGER', 'The template row it was made from, 1-based.'),
('goal', 'frame_id', 'INTEGER', 'The frame it was made from.'),
('goal', 'template_id', 'INTEGER', 'Its copy of the rendered template row (goal_template.template_id). Never changes.'),
('goal', 'status', 'TEXT', 'draft, active, done, dropped or carried.'),
('goal', 'carried_from', 'INTEGER', 'The goal this one continues (goal.goal_id), after goals carry.'),
('goal', 'created_at', 'TEXT', 'When it was created (ISO-8601 UTC).'),
('goal', 'created_by', 'TEXT', 'Who created it.'),

('goal_template', '', 'table', 'Rendered template rows goals were made from, each kept once and never changed. Append-only.'),
('goal_template', 'template_id', 'INTEGER', 'Stable id of the rendered row.'),
('goal_template', 'frame_version_id', 'INTEGER', 'The frame version it was rendered from.'),
('goal_template', 'framework', 'TEXT', 'smart, okr, mbo or scorecard.'),
('goal_template', 'row_number', 'INTEGER', 'The template row, 1-based.'),
('goal_template', 'statement_id', 'INTEGER', 'The canon statement the row is made from (frame_statement.statement_id).'),
('goal_template', 'title', 'TEXT', 'That statement''s text.'),
('goal_template', 'template_text', 'TEXT', 'The rendered row, placeholders included, exactly as templates print it.'),

('goal_item', '', 'table', 'Parts of a goal with placeholders: main, or an OKR key result KR1, KR2.'),
('goal_item', 'goal_id', 'INTEGER', 'The goal.'),
('goal_item', 'item', 'TEXT', 'main, KR1 or KR2.'),
('goal_item', 'first_line', 'INTEGER', 'First line of the goal''s template_text with the item''s placeholders.'),
('goal_item', 'last_line', 'INTEGER', 'Last line of the goal''s template_text with the item''s placeholders.'),
('goal_item', 'direction', 'TEXT', 'increase, decrease or maintain; NULL until baseline and target are set.'),

('goal_slot', '', 'table', 'One row per placeholder of an item; the value columns are NULL until filled.'),
('goal_slot', 'goal_id', 'INTEGER', 'The goal.'),
('goal_slot', 'item', 'TEXT', 'The item: main, KR1 or KR2.'),
('goal_slot', 'slot', 'TEXT', 'baseline, target or date.'),
('goal_slot', 'value', 'TEXT', 'The value as displayed (40%, 12.5 ms, 2026-12-15); NULL while unfilled.'),
('goal_slot', 'number', 'REAL', 'For baseline and target: the number.'),
('goal_slot', 'unit', 'TEXT', 'For baseline and target: the unit (%, ms, features); NULL for a bare number.'),

('checkin', '', 'table', 'Progress check-ins. Append-only: a correction is a new row naming the one it corrects.'),
('checkin', 'checkin_id', 'INTEGER', 'Stable id; users see it as C<checkin_id>.'),
('checkin', 'goal_id', 'INTEGER', 'The goal.'),
('checkin', 'item', 'TEXT', 'The item checked in: main, KR1 or KR2.'),
('checkin', 'value', 'TEXT', 'The value as displayed.'),
('checkin', 'number', 'REAL', 'The value''s number.'),
('checkin', 'unit', 'TEXT', 'The value''s unit; NULL for a bare number.'),
('checkin', 'checked_on', 'TEXT', 'ISO date the value is for.'),
('checkin', 'confidence', 'INTEGER', 'Confidence of reaching the target, 0 to 10, if given.'),
('checkin', 'note', 'TEXT', 'A note, if given.'),
('checkin', 'corrects_checkin_id', 'INTEGER', 'The check-in this one corrects, if any.'),
('checkin', 'recorded_at', 'TEXT', 'When it was recorded (ISO-8601 UTC).'),
('checkin', 'actor', 'TEXT', 'Who recorded it.'),

('history', '', 'table', 'Every change to a person or a goal: who, when, which command, field, old and new. Append-only.'),
('history', 'history_id', 'INTEGER', 'Stable id; orders changes made in the same millisecond.'),
('history', 'changed_at', 'TEXT', 'When (ISO-8601 UTC with milliseconds).'),
('history', 'actor', 'TEXT', 'Who made the change (--by, $GOALBOOK_USER or the login name).'),
('history', 'command', 'TEXT', 'The goalbook command, e.g. goals set.'),
('history', 'person_id', 'INTEGER', 'The person concerned; for a goal, its owner at the time. NULL for quarter events.'),
('history', 'goal_id', 'INTEGER', 'The goal, for goal changes; NULL for person and quarter changes.'),
('history', 'item', 'TEXT', 'For slot and direction changes: main, KR1 or KR2.'),
('history', 'field', 'TEXT', 'created, status, owner, direction, baseline, target, date; for people name, email, manager, family, function, level, left_on; quarter.'),
('history', 'old_value', 'TEXT', 'The value before, as displayed; NULL when there was none.'),
('history', 'new_value', 'TEXT', 'The value after, as displayed; NULL when emptied.'),
('history', 'note', 'TEXT', 'A note given with the change.'),

('setting', '', 'table', 'Settings an organization may change with plain SQL.'),
('setting', 'key', 'TEXT', 'Setting name: fiscal_year_start_month, on_track_ratio, at_risk_ratio, maintain_tolerance.'),
('setting', 'value', 'TEXT', 'Its value.'),
('setting', 'description', 'TEXT', 'What it means.'),

('closed_quarter', '', 'table', 'Quarters closed with goalbook quarter close; reopening removes the row (history keeps both).'),
('closed_quarter', 'quarter', 'TEXT', 'The quarter, e.g. 2026Q4.'),
('closed_quarter', 'closed_at', 'TEXT', 'When it was closed; its report is printed as of this instant.'),
('closed_quarter', 'closed_by', 'TEXT', 'Who closed it.'),
('closed_quarter', 'note', 'TEXT', 'A note given when closing.'),

('goal_item_progress', '', 'view', 'Progress of each goal item with a target, by the rules of docs/reports.md.'),
('goal_item_progress', 'goal_id', 'INTEGER', 'The goal.'),
('goal_item_progress', 'item', 'TEXT', 'main, KR1 or KR2.'),
('goal_item_progress', 'direction', 'TEXT', 'increase, decrease or maintain.'),
('goal_item_progress', 'baseline', 'REAL', 'Baseline number; NULL when the item has no baseline slot or it is unfilled.'),
('goal_item_progress', 'target', 'REAL', 'Target number; NULL while unfilled.'),
('goal_item_progress', 'unit', 'TEXT', 'The unit of baseline and target.'),
('goal_item_progress', 'due', 'TEXT', 'The item''s date slot.'),
('goal_item_progress', 'latest', 'REAL', 'The latest check-in that counts; NULL with no check-in.'),
('goal_item_progress', 'last_checkin', 'TEXT', 'Date of the newest check-in of the item.'),
('goal_item_progress', 'progress_raw', 'REAL', '(latest - baseline) / (target - baseline), not clamped; NULL when not filled.'),
('goal_item_progress', 'progress', 'REAL', 'progress_raw clamped to 0..1.'),

('goal_current', '', 'view', 'One row per goal as it is now: person, manager, frame, values, latest value and progress.'),
('goal_current', 'goal_id', 'INTEGER', 'The goal''s id.'),
('goal_current', 'goal', 'TEXT', 'The id as users see it, G<goal_id>.'),
('goal_current', 'person_id', 'TEXT', 'The owner''s employee id.'),
('goal_current', 'person_name', 'TEXT', 'The owner''s name.'),
('goal_current', 'manager_id', 'TEXT', 'The owner''s manager''s employee id.'),
('goal_current', 'family', 'TEXT', 'The owner''s job family.'),
('goal_current', 'function', 'TEXT', 'The owner''s job function.'),
('goal_current', 'level', 'TEXT', 'The owner''s level code.'),
('goal_current', 'quarter', 'TEXT', 'Quarter, e.g. 2026Q4.'),
('goal_current', 'framework', 'TEXT', 'smart, okr, mbo or scorecard.'),
('goal_current', 'row_number', 'INTEGER', 'Template row number.'),
('goal_current', 'status', 'TEXT', 'draft, active, done, dropped or carried.'),
('goal_current', 'title', 'TEXT', 'The canon statement the goal is made from.'),
('goal_current', 'item', 'TEXT', 'The item the value columns describe: main, or KR1 for an OKR objective.'),
('goal_current', 'baseline', 'REAL', 'Baseline number of that item.'),
('goal_current', 'target', 'REAL', 'Target number of that item.'),
('goal_current', 'unit', 'TEXT', 'Unit of that item.'),
('goal_current', 'direction', 'TEXT', 'Direction of that item.'),
('goal_current', 'due', 'TEXT', 'Date slot of that item.'),
('goal_current', 'latest_value', 'REAL', 'Latest check-in that counts for that item.'),
('goal_current', 'progress', 'REAL', 'The goal''s progress, 0..1: mean over its items that have one; NULL when not filled.'),
('goal_current', 'progress_raw', 'REAL', 'The same, not clamped.'),
('goal_current', 'last_checkin', 'TEXT', 'Date of the goal''s newest check-in.'),
('goal_current', 'slots_filled', 'INTEGER', 'Slots filled, over all items.'),
('goal_current', 'slots_total', 'INTEGER', 'Slots in all, over all items.'),
('goal_current', 'canon_version_id', 'INTEGER', 'The canon version the goal was made from.'),
('goal_current', 'statement_id', 'INTEGER', 'The canon statement the goal was made from.'),
('goal_current', 'canon_moved_on', 'BOOLEAN', '1 when the goal''s frame has a newer version than the one it was made from.'),
('goal_current', 'carried_from', 'INTEGER', 'The goal this one continues.'),
('goal_current', 'created_at', 'TEXT', 'When the goal was created.'),
('goal_current', 'created_by', 'TEXT', 'Who created it.'),

('goal_history', '', 'view', 'Every change to a goal, with the person''s id and name.'),
('goal_history', 'history_id', 'INTEGER', 'Stable id of the change.'),
('goal_history', 'changed_at', 'TEXT', 'When (ISO-8601 UTC with milliseconds).'),
('goal_history', 'goal_id', 'INTEGER', 'The goal''s id.'),
('goal_history', 'goal', 'TEXT', 'The goal as users see it, G<goal_id>.'),
('goal_history', 'person_id', 'TEXT', 'Employee id of the goal''s owner at the time.'),
('goal_history', 'person_name', 'TEXT', 'That person''s name.'),
('goal_history', 'item', 'TEXT', 'For slot and direction changes: main, KR1 or KR2.'),
('goal_history', 'field', 'TEXT', 'created, status, owner, direction, baseline, target or date.'),
('goal_history', 'old_value', 'TEXT', 'Value before.'),
('goal_history', 'new_value', 'TEXT', 'Value after.'),
('goal_history', 'actor', 'TEXT', 'Who made the change.'),
('goal_history', 'command', 'TEXT', 'The goalbook command.'),
('goal_history', 'note', 'TEXT', 'A note given with the change.'),

('checkin_all', '', 'view', 'Every check-in with its goal and person, and whether a correction replaced it.'),
('checkin_all', 'checkin_id', 'INTEGER', 'The check-in''s id.'),
('checkin_all', 'checkin', 'TEXT', 'The id as users see it, C<checkin_id>.'),
('checkin_all', 'goal_id', 'INTEGER', 'The goal''s id.'),
('checkin_all', 'goal', 'TEXT', 'The goal as users see it.'),
('checkin_all', 'person_id', 'TEXT', 'Employee id of the goal''s owner.'),
('checkin_all', 'person_name', 'TEXT', 'The owner''s name.'),
('checkin_all', 'quarter', 'TEXT', 'The goal''s quarter.'),
('checkin_all', 'item', 'TEXT', 'main, KR1 or KR2.'),
('checkin_all', 'value', 'TEXT', 'The value as displayed.'),
('checkin_all', 'number', 'REAL', 'The value''s number.'),
('checkin_all', 'unit', 'TEXT', 'The value''s unit.'),
('checkin_all', 'checked_on', 'TEXT', 'ISO date the value is for.'),
('checkin_all', 'confidence', 'INTEGER', 'Confidence 0..10, if given.'),
('checkin_all', 'note', 'TEXT', 'Note, if given.'),
('checkin_all', 'corrects_checkin_id', 'INTEGER', 'The check-in this one corrects, if any.'),
('checkin_all', 'corrected', 'BOOLEAN', '1 when a later check-in corrects this one (it no longer counts).'),
('checkin_all', 'recorded_at', 'TEXT', 'When it was recorded.'),
('checkin_all', 'actor', 'TEXT', 'Who recorded it.'),

('checkin_latest', '', 'view', 'The check-in that counts for each goal item: newest by date, then by recording, not corrected. Same columns as checkin_all.'),
('checkin_latest', 'checkin_id', 'INTEGER', 'The check-in''s id.'),
('checkin_latest', 'checkin', 'TEXT', 'The id as users see it, C<checkin_id>.'),
('checkin_latest', 'goal_id', 'INTEGER', 'The goal''s id.'),
('checkin_latest', 'goal', 'TEXT', 'The goal as users see it.'),
('checkin_latest', 'person_id', 'TEXT', 'Employee id of the goal''s owner.'),
('checkin_latest', 'person_name', 'TEXT', 'The owner''s name.'),
('checkin_latest', 'quarter', 'TEXT', 'The goal''s quarter.'),
('checkin_latest', 'item', 'TEXT', 'main, KR1 or KR2.'),
('checkin_latest', 'value', 'TEXT', 'The value as displayed.'),
('checkin_latest', 'number', 'REAL', 'The value''s number.'),
('checkin_latest', 'unit', 'TEXT', 'The value''s unit.'),
('checkin_latest', 'checked_on', 'TEXT', 'ISO date the value is for.'),
('checkin_latest', 'confidence', 'INTEGER', 'Confidence 0..10, if given.'),
('checkin_latest', 'note', 'TEXT', 'Note, if given.'),
('checkin_latest', 'corrects_checkin_id', 'INTEGER', 'The check-in this one corrects, if any.'),
('checkin_latest', 'corrected', 'BOOLEAN', 'Always 0 here.'),
('checkin_latest', 'recorded_at', 'TEXT', 'When it was recorded.'),
('checkin_latest', 'actor', 'TEXT', 'Who recorded it.'),

('org_tree', '', 'view', 'Every (ancestor, descendant) pair of the manager tree; depth 0 pairs each person with themselves. Everyone under E001: WHERE ancestor_id = ''E001'' AND depth > 0.'),
('org_tree', 'ancestor_id', 'TEXT', 'Employee id of the manager at the top of the pair.'),
('org_tree', 'ancestor_name', 'TEXT', 'Their name.'),
('org_tree', 'descendant_id', 'TEXT', 'Employee id of the person below.'),
('org_tree', 'descendant_name', 'TEXT', 'Their name.'),
('org_tree', 'depth', 'INTEGER', 'Levels between them: 1 for a direct report, 0 for the person themselves.'),

('quarter_progress', '', 'view', 'Per person and quarter: goals by status, average progress (dropped and carried goals left out) and slots filled.'),
('quarter_progress', 'person_id', 'TEXT', 'Employee id.'),
('quarter_progress', 'person_name', 'TEXT', 'Name.'),
('quarter_progress', 'manager_id', 'TEXT', 'Their manager''s employee id.'),
('quarter_progress', 'quarter', 'TEXT', 'Quarter.'),
('quarter_progress', 'goals', 'INTEGER', 'Goals in all.'),
('quarter_progress', 'draft', 'INTEGER', 'Goals in draft.'),
('quarter_progress', 'active', 'INTEGER', 'Active goals.'),
('quarter_progress', 'done', 'INTEGER', 'Done goals.'),
('quarter_progress', 'dropped', 'INTEGER', 'Dropped goals.'),
('quarter_progress', 'carried', 'INTEGER', 'Goals carried into a later quarter.'),
('quarter_progress', 'average_progress', 'REAL', 'Mean progress of the goals that have one, 0..1.'),
('quarter_progress', 'slots_filled', 'INTEGER', 'Slots filled over all goals.'),
('quarter_progress', 'slots_total', 'INTEGER', 'Slots in all over all goals.'),

('canon_statement', '', 'view', 'Every canon statement of every version, with its kind, source label, frame and version.'),
('canon_statement', 'statement_id', 'INTEGER', 'Stable id of the statement.'),
('canon_statement', 'kind', 'TEXT', 'responsibility, dimension, rubric, summary, paragraph, footnote or title.'),
('canon_statement', 'position', 'INTEGER', 'Order among statements of this kind in its frame version.'),
('canon_statement', 'name', 'TEXT', 'Dimension or rubric name; ladder responsibility name.'),
('canon_statement', 'area', 'TEXT', 'Ladder area.'),
('canon_statement', 'description', 'TEXT', 'Dimension description.'),
('canon_statement', 'text', 'TEXT', 'The statement, verbatim.'),
('canon_statement', 'source_label', 'TEXT', 'Source label as templates cite it.'),
('canon_statement', 'source_line', 'INTEGER', 'Line in the imported file.'),
('canon_statement', 'family', 'TEXT', 'Job family.'),
('canon_statement', 'function', 'TEXT', 'Job function.'),
('canon_statement', 'level', 'TEXT', 'Level code.'),
('canon_statement', 'level_title', 'TEXT', 'Level title in this version.'),
('canon_statement', 'frame_version_id', 'INTEGER', 'The frame version.'),
('canon_statement', 'canon_version_id', 'INTEGER', 'The canon version.'),
('canon_statement', 'canon_source', 'TEXT', 'Canon source short name.'),
('canon_statement', 'canon_release', 'TEXT', 'Canon release label.'),
('canon_statement', 'canon_file', 'TEXT', 'The imported file''s name.'),
('canon_statement', 'imported_at', 'TEXT', 'When the canon version was imported.'),
('canon_statement', 'is_current', 'BOOLEAN', '1 when this is the frame''s newest version.');
