-- Goalbook schema, migration 0001: the canon.
--
-- The canon is the organization's job architecture: job frames (family, function, level) and the
-- statements each level owns. It is append-only: an import adds a canon_version and, for every
-- frame whose content changed, a new frame_version with its own statements. Nothing is updated or
-- deleted, so a goal made from a statement can always find the exact text it came from.
--
-- Conventions: STRICT tables; ids are INTEGER PRIMARY KEYs that never change; timestamps are
-- ISO-8601 UTC text with milliseconds (2026-11-25T14:42:29.123Z); enumerations are CHECKs written
-- as OR chains (faster than IN lists on SQLite 3.40 prepared inserts).

-- Every migration applied to this file, in order. PRAGMA user_version mirrors the highest version.
CREATE TABLE schema_migration (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    applied_at  TEXT NOT NULL
) STRICT;

-- One row per canon file imported with distinct bytes.
CREATE TABLE canon_version (
    canon_version_id  INTEGER PRIMARY KEY,
    source            TEXT NOT NULL,          -- short name of the canon source, e.g. JFM
    release_label     TEXT,                   -- the source's own release label, e.g. 2026.1
    format            TEXT NOT NULL CHECK (format = 'yaml' OR format = 'ladder'),
    file_name         TEXT NOT NULL,          -- file name as given on import (built-in: builtin:NAME)
    sha256            TEXT NOT NULL UNIQUE,   -- hex SHA-256 of the file's bytes
    byte_count        INTEGER NOT NULL,
    imported_at       TEXT NOT NULL,
    imported_by       TEXT NOT NULL
) STRICT;

-- A job frame: one level of one function of one family. Stable id, never deleted.
CREATE TABLE frame (
    frame_id    INTEGER PRIMARY KEY,
    family      TEXT NOT NULL,
    function    TEXT NOT NULL,
    level_code  TEXT NOT NULL,
    UNIQUE (family, function, level_code)
) STRICT;

-- A frame as one canon version describes it. A new row only when the frame's content changed.
CREATE TABLE frame_version (
    frame_version_id  INTEGER PRIMARY KEY,
    frame_id          INTEGER NOT NULL REFERENCES frame (frame_id),
    canon_version_id  INTEGER NOT NULL REFERENCES canon_version (canon_version_id),
    level_title       TEXT,                   -- e.g. Developing Professional; NULL when the canon has none
    content_sha256    TEXT NOT NULL,          -- fingerprint of title and statements, to detect change
    UNIQUE (frame_id, canon_version_id)
) STRICT;

-- Every statement of a frame version, verbatim.
--   responsibility: a responsibility the level owns (a template row)
--   dimension:      one bar of a level dimension (Scope, Autonomy, ...)
--   rubric:         a leveling rubric, named (complexity/problem-solving, knowledge-application)
--   summary, paragraph, footnote, title: ladder text kept so nothing is lost; never a template row
CREATE TABLE frame_statement (
    statement_id      INTEGER PRIMARY KEY,
    frame_version_id  INTEGER NOT NULL REFERENCES frame_version (frame_version_id),
    kind              TEXT NOT NULL CHECK (kind = 'responsibility' OR kind = 'dimension' OR kind = 'rubric'
                          OR kind = 'summary' OR kind = 'paragraph' OR kind = 'footnote' OR kind = 'title'),
    position          INTEGER NOT NULL,       -- 1-based order among the statements of this kind
    name              TEXT,                   -- dimension or rubric name; ladder responsibility name
    area              TEXT,                   -- ladder area (Results, Direction, ...)
    description       TEXT,                   -- a dimension's description, where the canon gives one
    text              TEXT NOT NULL,          -- the statement, byte for byte as imported
    source_label      TEXT NOT NULL,          -- e.g. JFM responsibility (P2), level dimension (Scope)
    source_line       INTEGER,                -- line of the statement in the imported file
    UNIQUE (frame_version_id, kind, position)
) STRICT;

CREATE INDEX frame_version_by_frame ON frame_version (frame_id, frame_version_id);

-- The canon is append-only: raw SQL cannot rewrite or remove what goals point at.
CREATE TRIGGER canon_version_no_update BEFORE UPDATE ON canon_version
BEGIN SELECT RAISE(ABORT, 'canon_version rows are append-only'); END;
CREATE TRIGGER canon_version_no_delete BEFORE DELETE ON canon_version
BEGIN SELECT RAISE(ABORT, 'canon_version rows are append-only'); END;
CREATE TRIGGER frame_no_update BEFORE UPDATE ON frame
BEGIN SELECT RAISE(ABORT, 'frame rows are append-only'); END;
CREATE TRIGGER frame_no_delete BEFORE DELETE ON frame
BEGIN SELECT RAISE(ABORT, 'frame rows are append-only'); END;
CREATE TRIGGER frame_version_no_update BEFORE UPDATE ON frame_version
BEGIN SELECT RAISE(ABORT, 'frame_version rows are append-only'); END;
CREATE TRIGGER frame_version_no_delete BEFORE DELETE ON frame_version
BEGIN SELECT RAISE(ABORT, 'frame_version rows are append-only'); END;
CREATE TRIGGER frame_statement_no_update BEFORE UPDATE ON frame_statement
BEGIN SELECT RAISE(ABORT, 'frame_statement rows are append-only'); END;
CREATE TRIGGER frame_statement_no_delete BEFORE DELETE ON frame_statement
BEGIN SELECT RAISE(ABORT, 'frame_statement rows are append-only'); END;

-- Each frame with its newest version: what templates are printed from today.
CREATE VIEW frame_current AS
SELECT f.frame_id, f.family, f.function, f.level_code,
       fv.level_title, fv.frame_version_id, fv.canon_version_id
FROM frame AS f
JOIN frame_version AS fv
  ON fv.frame_version_id = (SELECT max(frame_version_id) FROM frame_version WHERE frame_id = f.frame_id);
