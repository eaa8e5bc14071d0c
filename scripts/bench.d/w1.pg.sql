-- W1 for psql (PostgreSQL; the sqlite3 version is w1.sql): the same rows goalbook writes for
-- `people import org.csv` then `goals assign --team <root> --quarter 2026Q4 --framework okr --row 1..5`,
-- in set-based SQL. Run on a database that `goalbook init` created (schema and built-in canon).
-- Parameters are substituted by scripts/bench: ORG_CSV, STAMP, ROOT.
\set ON_ERROR_STOP on
BEGIN ISOLATION LEVEL SERIALIZABLE;
CREATE TEMP TABLE staff (rowid bigserial, id TEXT, name TEXT, email TEXT, manager TEXT, family TEXT, function TEXT, level TEXT);
\copy staff (id, name, email, manager, family, function, level) FROM 'ORG_CSV' WITH (FORMAT csv, HEADER)
INSERT INTO person (person_id, employee_id, name, email, manager_person_id, frame_id, created_at)
SELECT s.rowid, s.id, s.name, NULLIF(COALESCE(s.email, ''), ''), m.rowid, f.frame_id, 'STAMP'
FROM staff AS s
JOIN frame AS f ON f.function = s.function AND f.level_code = s.level AND (COALESCE(s.family, '') = '' OR f.family = s.family)
LEFT JOIN staff AS m ON m.id = s.manager
ORDER BY s.rowid;
INSERT INTO history (changed_at, actor, command, person_id, field, new_value)
SELECT 'STAMP', 'bench', 'people import', person_id, 'created', employee_id FROM person ORDER BY person_id;
-- The templates: one row per (frame version, OKR row), as goalbook keeps them.
INSERT INTO goal_template (frame_version_id, framework, row_number, statement_id, title, template_text)
SELECT fc.frame_version_id, 'okr', s.position, s.statement_id, s.text,
       'Objective ' || s.position || ': ' || s.text || '  [source: ' || s.source_label || ']' || chr(10)
       || '  KR1. From ⟨baseline⟩ to ⟨target⟩ by ⟨date⟩ — tied to: "' || s.text || '"'
       || COALESCE(chr(10) || '  KR2. Evidence at this level''s ' || lower(d.name) || ' bar: "' || d.text || '" — ⟨target⟩ by ⟨date⟩', '')
FROM frame_current AS fc
JOIN frame_statement AS s ON s.frame_version_id = fc.frame_version_id AND s.kind = 'responsibility' AND s.position <= 5
LEFT JOIN frame_statement AS d ON d.frame_version_id = fc.frame_version_id AND d.kind = 'dimension' AND d.position = s.position
WHERE NOT EXISTS (SELECT 1 FROM goal_template AS t WHERE t.frame_version_id = fc.frame_version_id AND t.framework = 'okr' AND t.row_number = s.position);
CREATE TEMP TABLE team AS
WITH RECURSIVE team(person_id) AS (
    SELECT person_id FROM person WHERE manager_person_id = (SELECT person_id FROM person WHERE employee_id = 'ROOT')
    UNION ALL SELECT p.person_id FROM person AS p JOIN team AS t ON p.manager_person_id = t.person_id)
SELECT person_id FROM team ORDER BY person_id;
INSERT INTO goal (person_id, quarter, framework, row_number, frame_id, template_id, status, created_at, created_by)
SELECT p.person_id, '2026Q4', 'okr', t.row_number, p.frame_id, t.template_id, 'draft', 'STAMP', 'bench'
FROM team AS tm JOIN person AS p ON p.person_id = tm.person_id
JOIN frame_current AS fc ON fc.frame_id = p.frame_id
JOIN goal_template AS t ON t.frame_version_id = fc.frame_version_id AND t.framework = 'okr'
WHERE NOT EXISTS (SELECT 1 FROM goal AS g WHERE g.person_id = p.person_id AND g.quarter = '2026Q4' AND g.framework = 'okr'
                    AND g.frame_id = p.frame_id AND g.row_number = t.row_number)
ORDER BY p.person_id, t.row_number;
INSERT INTO goal_item (goal_id, item, first_line, last_line)
SELECT g.goal_id, k.item, k.line, k.line
FROM goal AS g JOIN goal_template AS t ON t.template_id = g.template_id
JOIN (SELECT 'KR1' AS item, 2 AS line UNION ALL SELECT 'KR2', 3) AS k ON k.item = 'KR1' OR strpos(t.template_text, '  KR2.') > 0
ORDER BY g.goal_id, k.item;
INSERT INTO goal_slot (goal_id, item, slot)
SELECT i.goal_id, i.item, s.slot
FROM goal_item AS i
JOIN (SELECT 'baseline' AS slot UNION ALL SELECT 'target' UNION ALL SELECT 'date') AS s ON s.slot <> 'baseline' OR i.item = 'KR1'
ORDER BY i.goal_id, i.item, s.slot;
INSERT INTO history (changed_at, actor, command, person_id, goal_id, field, new_value)
SELECT 'STAMP', 'bench', 'goals assign', person_id, goal_id, 'created', 'draft' FROM goal ORDER BY goal_id;
COMMIT;
