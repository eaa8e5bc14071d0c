-- Goalbook schema, migration 0003: organization settings and closed quarters.

-- Settings an organization may change with plain SQL (UPDATE setting SET value = … WHERE key = …).
CREATE TABLE setting (
    key          TEXT PRIMARY KEY,
    value        TEXT NOT NULL,
    description  TEXT NOT NULL
) STRICT;

INSERT INTO setting (key, value, description) VALUES
    ('fiscal_year_start_month', '1',
     'Month (1-12) the fiscal year starts in; quarters are counted from it. 1 means calendar quarters.'),
    ('on_track_ratio', '0.9',
     'A goal is on track when its progress is at least this share of the progress expected by the report date.'),
    ('at_risk_ratio', '0.6',
     'A goal below on_track_ratio but at least this share of the expected progress is at risk; below it, off track.'),
    ('maintain_tolerance', '0.05',
     'A maintain goal counts as met (progress 1) while its latest value is within this share of its target.');

-- Quarters closed with `goalbook quarter close`: their goals and check-ins take no more writes,
-- and their report is printed as of closed_at. Reopening removes the row; history keeps both events.
CREATE TABLE closed_quarter (
    quarter    TEXT PRIMARY KEY CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
    closed_at  TEXT NOT NULL,
    closed_by  TEXT NOT NULL,
    note       TEXT
) STRICT;
