-- Goalbook schema, migration 0009: the settings the report's summary reads.
--
-- The summary at the top of every report lists the active goals with no check-in for
-- stale_checkin_days days, and, in the last score_due_days days of a quarter (and once it is
-- closed), the goals that still need a quarter-end score. docs/reports.md shows how.

INSERT INTO setting (key, value, description) VALUES
    ('stale_checkin_days', '14',
     'The report''s summary lists an active goal as stale when its newest check-in is this many days or more before the report date, or it has none.'),
    ('score_due_days', '14',
     'From this many days before a quarter''s last day (and once it is closed), the report''s summary lists the goals of the quarter that still need a score.');

UPDATE dictionary SET description = 'Setting name: fiscal_year_start_month, on_track_ratio, at_risk_ratio, stale_checkin_days, score_due_days, and each framework''s score scale: okr_score_min, okr_score_max, okr_score_step, smart_score_min, smart_score_max, smart_score_step, mbo_score_min, mbo_score_max, mbo_score_step, scorecard_score_min, scorecard_score_max, scorecard_score_step.'
WHERE object = 'setting' AND "column" = 'key';
