-- Goalbook schema, migration 0002: people, goals, check-ins and history.
--
-- A goal is made from one template row of its person's job frame. It keeps a copy of the
-- rendered template text (in goal_template, shared by every goal made from the same row of the
-- same frame version, and never changed) and links to the canon statement and frame version it
-- came from; later canon imports do not touch it. Each ⟨baseline⟩ / ⟨target⟩ / ⟨date⟩
-- of each item (an OKR key result, or the row itself) is a typed slot.
--
-- Every change to a person or a goal is a row in `history`, which triggers make append-only:
-- raw SQL cannot rewrite or remove it. The state of a goal at any past instant is rebuilt from it.

-- People, by the organization's own employee id. Never deleted: `left_on` ends them.
CREATE TABLE person (
    person_id          INTEGER PRIMARY KEY,
    employee_id        TEXT NOT NULL UNIQUE,            -- the organization's id, e.g. E100
    name               TEXT NOT NULL,
    email              TEXT,
    manager_person_id  INTEGER REFERENCES person (person_id) DEFERRABLE INITIALLY DEFERRED,
    frame_id           INTEGER NOT NULL REFERENCES frame (frame_id),   -- family · function · level
    left_on            TEXT,                            -- ISO date of the last day, NULL while employed
    created_at         TEXT NOT NULL,
    CHECK (manager_person_id IS NULL OR manager_person_id <> person_id)
) STRICT;
CREATE INDEX person_by_manager ON person (manager_person_id);

-- Rendered template rows that goals were made from, each kept once. Append-only.
CREATE TABLE goal_template (
    template_id       INTEGER PRIMARY KEY,
    frame_version_id  INTEGER NOT NULL REFERENCES frame_version (frame_version_id),
    framework         TEXT NOT NULL CHECK (framework = 'smart' OR framework = 'okr' OR framework = 'mbo' OR framework = 'scorecard'),
    row_number        INTEGER NOT NULL,                 -- the template row, 1-based
    statement_id      INTEGER NOT NULL REFERENCES frame_statement (statement_id),
    title             TEXT NOT NULL,                    -- the canon statement the row is made from
    template_text     TEXT NOT NULL,                    -- the rendered row, placeholders included
    UNIQUE (frame_version_id, framework, row_number, template_text)
) STRICT;

-- Goals. Shown to users as G<goal_id>.
CREATE TABLE goal (
    goal_id           INTEGER PRIMARY KEY,
    person_id         INTEGER NOT NULL REFERENCES person (person_id),
    quarter           TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),   -- e.g. 2026Q4
    framework         TEXT NOT NULL CHECK (framework = 'smart' OR framework = 'okr' OR framework = 'mbo' OR framework = 'scorecard'),
    row_number        INTEGER NOT NULL,                 -- the template row it was made from, 1-based
    frame_id          INTEGER NOT NULL REFERENCES frame (frame_id),
    template_id       INTEGER NOT NULL REFERENCES goal_template (template_id),   -- its copy of the template text
    status            TEXT NOT NULL CHECK (status = 'draft' OR status = 'active' OR status = 'done'
                          OR status = 'dropped' OR status = 'carried'),
    carried_from      INTEGER UNIQUE REFERENCES goal (goal_id),   -- the goal this one continues
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL,
    UNIQUE (person_id, quarter, framework, frame_id, row_number)
) STRICT;
CREATE INDEX goal_by_quarter ON goal (quarter, person_id);

-- The items of a goal that carry slots: `main` for SMART, MBO and Scorecard rows; KR1, KR2 for OKRs.
-- first_line..last_line are the 1-based lines of the goal's template_text the item's placeholders are on.
CREATE TABLE goal_item (
    goal_id     INTEGER NOT NULL REFERENCES goal (goal_id),
    item        TEXT NOT NULL,
    first_line  INTEGER NOT NULL,
    last_line   INTEGER NOT NULL,
    direction   TEXT CHECK (direction IS NULL OR direction = 'increase' OR direction = 'decrease' OR direction = 'maintain'),
    PRIMARY KEY (goal_id, item)
) STRICT, WITHOUT ROWID;

-- One row per placeholder of an item; value columns are NULL until the slot is filled.
CREATE TABLE goal_slot (
    goal_id  INTEGER NOT NULL,
    item     TEXT NOT NULL,
    slot     TEXT NOT NULL CHECK (slot = 'baseline' OR slot = 'target' OR slot = 'date'),
    value    TEXT,        -- as displayed: 40%, 12.5 ms, 2026-12-15
    number   REAL,        -- baseline/target: the number
    unit     TEXT,        -- baseline/target: the unit, NULL for a bare number
    PRIMARY KEY (goal_id, item, slot),
    FOREIGN KEY (goal_id, item) REFERENCES goal_item (goal_id, item)
) STRICT, WITHOUT ROWID;

-- Progress check-ins: append-only; a correction is a new row pointing at the one it corrects.
CREATE TABLE checkin (
    checkin_id           INTEGER PRIMARY KEY,
    goal_id              INTEGER NOT NULL,
    item                 TEXT NOT NULL,
    value                TEXT NOT NULL,
    number               REAL NOT NULL,
    unit                 TEXT,
    checked_on           TEXT NOT NULL,                 -- ISO date the value is for
    confidence           INTEGER CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 10)),
    note                 TEXT,
    corrects_checkin_id  INTEGER REFERENCES checkin (checkin_id),
    recorded_at          TEXT NOT NULL,
    actor                TEXT NOT NULL,
    FOREIGN KEY (goal_id, item) REFERENCES goal_item (goal_id, item)
) STRICT;
CREATE INDEX checkin_by_goal ON checkin (goal_id, item, checked_on);

-- Every change: who, when, which command, the field, old → new.
--   person fields: created, name, email, manager, family, function, level, left_on
--   goal fields:   created, status, owner, direction, and slots (item + baseline/target/date)
CREATE TABLE history (
    history_id  INTEGER PRIMARY KEY,
    changed_at  TEXT NOT NULL,                         -- ISO-8601 UTC with milliseconds
    actor       TEXT NOT NULL,
    command     TEXT NOT NULL,                         -- e.g. goals set
    person_id   INTEGER REFERENCES person (person_id) DEFERRABLE INITIALLY DEFERRED,
    goal_id     INTEGER REFERENCES goal (goal_id) DEFERRABLE INITIALLY DEFERRED,
    item        TEXT,                                  -- for slot and direction fields: main, KR1, KR2
    field       TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    note        TEXT
) STRICT;
CREATE INDEX history_by_goal ON history (goal_id, item, field, changed_at);
CREATE INDEX history_by_person ON history (person_id, changed_at);

CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only: it cannot be changed'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only: it cannot be deleted'); END;
CREATE TRIGGER checkin_no_update BEFORE UPDATE ON checkin
BEGIN SELECT RAISE(ABORT, 'check-ins are append-only: record a correction instead'); END;
CREATE TRIGGER checkin_no_delete BEFORE DELETE ON checkin
BEGIN SELECT RAISE(ABORT, 'check-ins are append-only: record a correction instead'); END;
CREATE TRIGGER person_no_delete BEFORE DELETE ON person
BEGIN SELECT RAISE(ABORT, 'people are never deleted: use goalbook people leave'); END;
CREATE TRIGGER goal_no_delete BEFORE DELETE ON goal
BEGIN SELECT RAISE(ABORT, 'goals are never deleted: drop them with goalbook goals status'); END;
CREATE TRIGGER goal_template_is_kept BEFORE UPDATE OF quarter, framework, row_number, frame_id, template_id,
    carried_from, created_at, created_by ON goal
BEGIN SELECT RAISE(ABORT, 'a goal keeps the template it was created from'); END;
CREATE TRIGGER goal_template_no_update BEFORE UPDATE ON goal_template
BEGIN SELECT RAISE(ABORT, 'a goal keeps the template it was created from'); END;
CREATE TRIGGER goal_template_no_delete BEFORE DELETE ON goal_template
BEGIN SELECT RAISE(ABORT, 'a goal keeps the template it was created from'); END;
CREATE TRIGGER goal_item_no_delete BEFORE DELETE ON goal_item
BEGIN SELECT RAISE(ABORT, 'goal items are never deleted'); END;
CREATE TRIGGER goal_slot_no_delete BEFORE DELETE ON goal_slot
BEGIN SELECT RAISE(ABORT, 'goal slots are never deleted: set them empty'); END;
