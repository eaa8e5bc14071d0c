-- Goalbook schema, migration 0005: when a change took effect, and when it was recorded.
--
-- A team that starts using Goalbook mid-quarter dates its writes back with --date: its goals
-- were set on 2 October, though they were typed in on 1 December. history.changed_at is when a
-- change took effect (what --as-of reads); the new recorded_at is when Goalbook stored it (what
-- --as-recorded reads). They are the same instant unless the write was dated back. Rows from
-- before this migration have recorded_at NULL, which means the same as changed_at; the
-- goal_history view fills it in. docs/schema.md shows both with a worked example.

ALTER TABLE history ADD COLUMN recorded_at text COLLATE "C";

-- Nothing is recorded before it took effect: a change is dated back, never ahead.
ALTER TABLE history ADD CONSTRAINT history_recorded_after_effective CHECK (recorded_at IS NULL OR recorded_at >= changed_at);

-- The analyst's view of goal changes gains recorded_at, beside changed_at; it still reads
-- history with the rights of whoever asks.
CREATE OR REPLACE VIEW goal_history WITH (security_invoker = true) AS
SELECT h.history_id, h.changed_at, h.goal_id, 'G' || h.goal_id AS goal,
       p.employee_id AS person_id, p.name AS person_name,
       h.item, h.field, h.old_value, h.new_value, h.actor, h.command, h.note,
       COALESCE(h.recorded_at, h.changed_at) AS recorded_at
FROM history AS h
LEFT JOIN person AS p ON p.person_id = h.person_id
WHERE h.goal_id IS NOT NULL;

UPDATE dictionary SET description = 'When the change took effect (ISO-8601 UTC with milliseconds): when it was made, or the day given with --date at that time of day. --as-of reads this.'
WHERE object IN ('history', 'goal_history') AND "column" = 'changed_at';

INSERT INTO dictionary (object, "column", type, description) VALUES
    ('history', 'recorded_at', 'TEXT',
     'When Goalbook stored the change (ISO-8601 UTC with milliseconds). Later than changed_at only for a write dated back with --date; NULL on rows from before schema version 5, where it is changed_at. --as-recorded reads this.'),
    ('goal_history', 'recorded_at', 'TEXT',
     'When Goalbook stored the change: history.recorded_at, or changed_at where that is NULL. A row with recorded_at after changed_at was dated back.');

UPDATE dictionary AS d SET type = c.data_type
FROM information_schema.columns AS c
WHERE c.table_schema = current_schema() AND c.table_name = d.object AND c.column_name = d."column"
  AND d."column" = 'recorded_at' AND d.object IN ('history', 'goal_history');
