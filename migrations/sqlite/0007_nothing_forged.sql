-- Goalbook schema, migration 0007: rows that are kept cannot be replaced, and a closed quarter
-- keeps the figures it was closed with.
--
-- REPLACE INTO and INSERT OR REPLACE delete the row whose key they collide with and insert a new
-- one. Delete triggers do not fire for that deletion (unless a connection turns on
-- recursive_triggers, which the sqlite3 shell does not), so the append-only triggers of 0001 and
-- 0002 did not hold against them. Each kept table now refuses, before it is inserted, a row whose
-- primary key or unique key is already there. A plain INSERT of such a row failed before and
-- fails now with a message that says why; UPSERT (ON CONFLICT DO …) is refused the same way.

CREATE TRIGGER schema_migration_no_replace BEFORE INSERT ON schema_migration
WHEN EXISTS (SELECT 1 FROM schema_migration AS o WHERE o.version = NEW.version)
BEGIN SELECT RAISE(ABORT, 'schema_migration rows are never replaced'); END;

CREATE TRIGGER canon_version_no_replace BEFORE INSERT ON canon_version
WHEN EXISTS (SELECT 1 FROM canon_version AS o WHERE o.canon_version_id = NEW.canon_version_id OR o.sha256 = NEW.sha256)
BEGIN SELECT RAISE(ABORT, 'canon is append-only: a canon version is never replaced'); END;

CREATE TRIGGER frame_no_replace BEFORE INSERT ON frame
WHEN EXISTS (SELECT 1 FROM frame AS o WHERE o.frame_id = NEW.frame_id
             OR (o.family = NEW.family AND o.function = NEW.function AND o.level_code = NEW.level_code))
BEGIN SELECT RAISE(ABORT, 'canon is append-only: a frame is never replaced'); END;

CREATE TRIGGER frame_version_no_replace BEFORE INSERT ON frame_version
WHEN EXISTS (SELECT 1 FROM frame_version AS o WHERE o.frame_version_id = NEW.frame_version_id
             OR (o.frame_id = NEW.frame_id AND o.canon_version_id = NEW.canon_version_id))
BEGIN SELECT RAISE(ABORT, 'canon is append-only: a frame version is never replaced'); END;

CREATE TRIGGER frame_statement_no_replace BEFORE INSERT ON frame_statement
WHEN EXISTS (SELECT 1 FROM frame_statement AS o WHERE o.statement_id = NEW.statement_id
             OR (o.frame_version_id = NEW.frame_version_id AND o.kind = NEW.kind AND o.position = NEW.position))
BEGIN SELECT RAISE(ABORT, 'canon is append-only: a canon statement is never replaced'); END;

CREATE TRIGGER person_no_replace BEFORE INSERT ON person
WHEN EXISTS (SELECT 1 FROM person AS o WHERE o.person_id = NEW.person_id OR o.employee_id = NEW.employee_id)
BEGIN SELECT RAISE(ABORT, 'people are never replaced: that person exists already (goalbook people set changes them)'); END;

CREATE TRIGGER goal_template_no_replace BEFORE INSERT ON goal_template
WHEN EXISTS (SELECT 1 FROM goal_template AS o WHERE o.template_id = NEW.template_id
             OR (o.frame_version_id = NEW.frame_version_id AND o.framework = NEW.framework
                 AND o.row_number = NEW.row_number AND o.template_text = NEW.template_text))
BEGIN SELECT RAISE(ABORT, 'a goal keeps the template it was created from: templates are never replaced'); END;

CREATE TRIGGER goal_no_replace BEFORE INSERT ON goal
WHEN EXISTS (SELECT 1 FROM goal AS o WHERE o.goal_id = NEW.goal_id
             OR (NEW.carried_from IS NOT NULL AND o.carried_from = NEW.carried_from)
             OR (o.person_id = NEW.person_id AND o.quarter = NEW.quarter AND o.framework = NEW.framework
                 AND o.frame_id = NEW.frame_id AND o.row_number = NEW.row_number))
BEGIN SELECT RAISE(ABORT, 'goals are never replaced: that goal exists already'); END;

CREATE TRIGGER goal_item_no_replace BEFORE INSERT ON goal_item
WHEN EXISTS (SELECT 1 FROM goal_item AS o WHERE o.goal_id = NEW.goal_id AND o.item = NEW.item)
BEGIN SELECT RAISE(ABORT, 'goal items are never replaced'); END;

CREATE TRIGGER goal_slot_no_replace BEFORE INSERT ON goal_slot
WHEN EXISTS (SELECT 1 FROM goal_slot AS o WHERE o.goal_id = NEW.goal_id AND o.item = NEW.item AND o.slot = NEW.slot)
BEGIN SELECT RAISE(ABORT, 'goal slots are never replaced: goalbook goals set changes them, with history'); END;

CREATE TRIGGER checkin_no_replace BEFORE INSERT ON checkin
WHEN EXISTS (SELECT 1 FROM checkin AS o WHERE o.checkin_id = NEW.checkin_id)
BEGIN SELECT RAISE(ABORT, 'check-ins are append-only: record a correction instead'); END;

CREATE TRIGGER history_no_replace BEFORE INSERT ON history
WHEN EXISTS (SELECT 1 FROM history AS o WHERE o.history_id = NEW.history_id)
BEGIN SELECT RAISE(ABORT, 'history is append-only: a history row is never replaced'); END;

-- A closed quarter keeps, with its row, the figures it was closed with: for each of its goals, in
-- goal order, [goal_id, person_id, status, progress, score, weight] as goal_current had them at closed_at
-- (a JSON array). `goalbook check` works them out again and names any goal whose figures moved.
-- Quarters closed before this migration have NULL: there is nothing to compare them with.
-- The row itself is never changed or replaced; reopening deletes it, with history.
ALTER TABLE closed_quarter ADD COLUMN figures TEXT;

CREATE TRIGGER closed_quarter_no_update BEFORE UPDATE ON closed_quarter
BEGIN SELECT RAISE(ABORT, 'a closed quarter is not changed: reopen it with goalbook quarter reopen'); END;

CREATE TRIGGER closed_quarter_no_replace BEFORE INSERT ON closed_quarter
WHEN EXISTS (SELECT 1 FROM closed_quarter AS o WHERE o.quarter = NEW.quarter)
BEGIN SELECT RAISE(ABORT, 'that quarter is closed already'); END;

INSERT INTO dictionary (object, "column", type, description) VALUES
    ('closed_quarter', 'figures', 'TEXT',
     'The quarter''s figures when it was closed: a JSON array with one [goal_id, person_id (the employee id), status, progress, score, weight] per goal, in goal order, from goal_current at closed_at. goalbook check compares them with the figures now. NULL for quarters closed before schema version 7.');
