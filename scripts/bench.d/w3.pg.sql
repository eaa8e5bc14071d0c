-- W3 for psql (PostgreSQL; w3.sql is the sqlite3 version, and this is the same SQL step for
-- step): the 2026Q4 report of TEAM and everyone below, as the same JSON document that
-- `goalbook report --team TEAM -p 2026Q4 --format json` prints: every goal with all its columns,
-- its items and its trend, and the quarter's changes, in goalbook's order. The rules and their
-- comments are those of w3.sql; what differs is PostgreSQL's spelling (json_build_object,
-- json_agg, string_agg, GREATEST and LEAST, dates as dates, booleans that are not numbers) and
-- the rounding: round(x * 10000) / 10000 half away from zero, as numeric, since PostgreSQL rounds
-- a double's ties to even. `scripts/bench` compares its document with goalbook's, value by value,
-- before it times anything. Left out, as in w3.sql: the summary, teams and people blocks.
WITH RECURSIVE
team(person_id, path) AS MATERIALIZED (
    SELECT person_id, employee_id COLLATE "C" FROM person WHERE employee_id = 'TEAM'
    UNION ALL
    SELECT p.person_id, t.path || '/' || p.employee_id FROM person AS p JOIN team AS t ON p.manager_person_id = t.person_id
    WHERE p.left_on IS NULL OR p.left_on >= '2026-10-01'),
rd(day, on_track, at_risk) AS MATERIALIZED (
    SELECT LEAST(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD'), '2026-12-31') COLLATE "C",
           (SELECT CAST(value AS double precision) FROM setting WHERE key = 'on_track_ratio'),
           (SELECT CAST(value AS double precision) FROM setting WHERE key = 'at_risk_ratio')),
g AS MATERIALIZED (
    SELECT g.*, t.path FROM goal AS g JOIN team AS t ON t.person_id = g.person_id WHERE g.quarter = '2026Q4'),
ck AS MATERIALIZED (
    SELECT c.checkin_id, c.goal_id, c.item, c.number, c.checked_on, c.confidence, c.note
    FROM g JOIN checkin AS c ON c.goal_id = g.goal_id
    WHERE c.checked_on <= (SELECT day FROM rd)
      AND NOT EXISTS (SELECT 1 FROM checkin AS x WHERE x.corrects_checkin_id = c.checkin_id AND x.checked_on <= (SELECT day FROM rd))),
slots AS MATERIALIZED (
    SELECT i.goal_id, i.item, i.first_line, i.direction, i.weight, i.keep, i.tolerance,
           b.goal_id IS NOT NULL AS has_baseline, b.number AS baseline_number, b.unit AS baseline_unit,
           s.number AS target_number, s.unit AS target_unit, d.value AS due,
           (SELECT count(*) FROM goal_slot AS a WHERE a.goal_id = i.goal_id AND a.item = i.item) AS slot_count,
           (SELECT count(*) FROM goal_slot AS a WHERE a.goal_id = i.goal_id AND a.item = i.item AND a.value IS NULL) AS unfilled_count,
           (SELECT count(*) FROM goal_item AS o WHERE o.goal_id = i.goal_id) AS item_count
    FROM g JOIN goal_item AS i ON i.goal_id = g.goal_id
    LEFT JOIN goal_slot AS b ON b.goal_id = i.goal_id AND b.item = i.item AND b.slot = 'baseline'
    LEFT JOIN goal_slot AS s ON s.goal_id = i.goal_id AND s.item = i.item AND s.slot = 'target'
    LEFT JOIN goal_slot AS d ON d.goal_id = i.goal_id AND d.item = i.item AND d.slot = 'date'),
base AS (
    SELECT *, CASE WHEN has_baseline THEN baseline_number ELSE 0.0 END AS start FROM slots),
ranked AS (
    SELECT goal_id, item, number, checked_on, confidence, note,
           row_number() OVER (PARTITION BY goal_id, item ORDER BY checked_on DESC, checkin_id DESC) AS newest,
           row_number() OVER (PARTITION BY goal_id, item, confidence IS NULL ORDER BY checked_on DESC, checkin_id DESC) AS newest_confidence,
           row_number() OVER (PARTITION BY goal_id, item, note IS NULL ORDER BY checked_on DESC, checkin_id DESC) AS newest_note
    FROM ck),
last AS MATERIALIZED (
    SELECT goal_id, item, max(CASE WHEN newest = 1 THEN number END) AS latest_number, max(CASE WHEN newest = 1 THEN checked_on END) AS last_checkin,
           max(CASE WHEN newest_confidence = 1 THEN confidence END) AS confidence, max(CASE WHEN newest_note = 1 THEN note END) AS note
    FROM ranked GROUP BY goal_id, item),
point AS (
    SELECT b.*, l.confidence, l.note, NULL::text AS day, l.latest_number, l.last_checkin, l.latest_number AS value
    FROM base AS b LEFT JOIN last AS l ON l.goal_id = b.goal_id AND l.item = b.item
    UNION ALL
    SELECT b.*, NULL, NULL, days.checked_on, NULL, NULL,
           (SELECT k.number FROM checkin AS k WHERE k.goal_id = b.goal_id AND k.item = b.item AND k.checked_on <= days.checked_on
              AND NOT EXISTS (SELECT 1 FROM checkin AS x WHERE x.corrects_checkin_id = k.checkin_id AND x.checked_on <= (SELECT day FROM rd))
            ORDER BY k.checked_on DESC, k.checkin_id DESC LIMIT 1)
    FROM (SELECT DISTINCT goal_id, checked_on FROM ck) AS days JOIN base AS b ON b.goal_id = days.goal_id),
-- PostgreSQL's GREATEST and LEAST skip NULLs, where SQLite's min and max give NULL: the clamped
-- progress is worked out once here, NULL where the raw progress is.
scored AS MATERIALIZED (
    SELECT q.*, CASE WHEN q.raw IS NOT NULL THEN GREATEST(0.0, LEAST(1.0, q.raw)) END AS clamped FROM (
    SELECT p.*,
           CASE WHEN p.start IS NULL OR p.target_number IS NULL THEN NULL
                WHEN p.direction = 'maintain' OR p.target_number = p.start THEN
                    CASE WHEN CASE COALESCE(p.keep, 'within')
                        WHEN 'at_least' THEN COALESCE(p.value, p.start) >= p.target_number - (COALESCE(p.tolerance, 0) + 1e-9 * GREATEST(1, abs(p.target_number)))
                        WHEN 'at_most' THEN COALESCE(p.value, p.start) <= p.target_number + (COALESCE(p.tolerance, 0) + 1e-9 * GREATEST(1, abs(p.target_number)))
                        ELSE abs(COALESCE(p.value, p.start) - p.target_number) <= COALESCE(p.tolerance, 0) + 1e-9 * GREATEST(1, abs(p.target_number))
                    END THEN 1.0 ELSE 0.0 END
                ELSE (COALESCE(p.value, p.start) - p.start) / (p.target_number - p.start) END AS raw
    FROM point AS p) AS q),
item AS (SELECT * FROM scored WHERE day IS NULL),
trend AS MATERIALIZED (
    SELECT goal_id, json_agg(json_build_array(day, (round((progress * 10000)::numeric) / 10000)::float8) ORDER BY day)::text AS points
    FROM (SELECT goal_id, day,
                 sum(COALESCE(weight, 1) * clamped) / NULLIF(sum(CASE WHEN raw IS NOT NULL THEN COALESCE(weight, 1) END), 0) AS progress
          FROM scored WHERE day IS NOT NULL GROUP BY goal_id, day) AS daily
    WHERE progress IS NOT NULL GROUP BY goal_id),
figures AS MATERIALIZED (
    SELECT goal_id,
           sum(COALESCE(weight, 1) * raw) / NULLIF(sum(CASE WHEN raw IS NOT NULL THEN COALESCE(weight, 1) END), 0) AS progress_raw,
           sum(COALESCE(weight, 1) * clamped) / NULLIF(sum(CASE WHEN raw IS NOT NULL THEN COALESCE(weight, 1) END), 0) AS progress,
           max(due) AS due, max(last_checkin) AS last_checkin, sum(slot_count) AS slots_total, sum(unfilled_count) AS unfilled_count
    FROM item GROUP BY goal_id),
judged AS (
    SELECT g.*, f.progress, f.progress_raw, f.last_checkin, f.slots_total, f.unfilled_count,
           CASE WHEN COALESCE(f.due, '2026-12-31')::date <= DATE '2026-10-01'
                THEN CASE WHEN rd.day >= COALESCE(f.due, '2026-12-31') THEN 1.0 ELSE 0.0 END
                ELSE GREATEST(0.0, LEAST(1.0, (rd.day::date - DATE '2026-10-01')::float8 / (COALESCE(f.due, '2026-12-31')::date - DATE '2026-10-01')))
           END AS expected, rd.on_track, rd.at_risk
    FROM g LEFT JOIN figures AS f ON f.goal_id = g.goal_id CROSS JOIN rd),
items AS MATERIALIZED (
    SELECT x.goal_id, '[' || string_agg(json_build_object(
              'item', x.item, 'baseline', CASE WHEN x.has_baseline THEN (round((x.baseline_number * 10000)::numeric) / 10000)::float8 END,
              'latest', (round((x.latest_number * 10000)::numeric) / 10000)::float8, 'target', (round((x.target_number * 10000)::numeric) / 10000)::float8,
              'unit', COALESCE(x.target_unit, x.baseline_unit), 'direction', x.direction, 'due', x.due, 'last_checkin', x.last_checkin,
              'progress', (round((x.clamped * 10000)::numeric) / 10000)::float8,
              'progress_raw', (round((x.raw * 10000)::numeric) / 10000)::float8,
              'weight', x.weight, 'keep', CASE WHEN x.direction = 'maintain' THEN COALESCE(x.keep, 'within') END,
              'tolerance', CASE WHEN x.direction = 'maintain' THEN COALESCE(x.tolerance, 0) END,
              'confidence', x.confidence, 'note', x.note)::text, ', ' ORDER BY x.first_line) || ']' AS docs
    FROM item AS x GROUP BY x.goal_id),
goal_json AS (
    SELECT row_number() OVER (ORDER BY j.path COLLATE "C", j.goal_id) AS n, json_build_object(
        'quarter', j.quarter, 'goal_id', 'G' || j.goal_id, 'person_id', p.employee_id, 'person_name', p.name, 'manager_id', m.employee_id,
        'family', fr.family, 'function', fr.function, 'level', fr.level_code, 'framework', j.framework, 'row', j.row_number,
        'title', t.title, 'status', j.status,
        'track', CASE WHEN j.status IN ('done', 'dropped') THEN j.status WHEN j.progress IS NULL THEN 'not filled'
                      WHEN j.status = 'draft' THEN 'draft' WHEN j.progress >= j.expected * j.on_track THEN 'on track'
                      WHEN j.progress >= j.expected * j.at_risk THEN 'at risk' ELSE 'off track' END,
        'progress', (round((j.progress * 10000)::numeric) / 10000)::float8, 'progress_raw', (round((j.progress_raw * 10000)::numeric) / 10000)::float8,
        'expected', (round((j.expected * 10000)::numeric) / 10000)::float8,
        'item', i.item, 'baseline', CASE WHEN i.has_baseline THEN (round((i.baseline_number * 10000)::numeric) / 10000)::float8 END,
        'latest', (round((i.latest_number * 10000)::numeric) / 10000)::float8, 'target', (round((i.target_number * 10000)::numeric) / 10000)::float8,
        'unit', COALESCE(i.target_unit, i.baseline_unit), 'direction', i.direction, 'due', i.due,
        'last_checkin', j.last_checkin, 'slots_filled', COALESCE(j.slots_total - j.unfilled_count, 0), 'slots_total', COALESCE(j.slots_total, 0),
        'unfilled', COALESCE((
            SELECT string_agg(CASE WHEN (SELECT count(*) FROM goal_item AS c WHERE c.goal_id = j.goal_id) = 1 THEN a.slot ELSE a.item || '.' || a.slot END,
                              ' ' ORDER BY o.first_line, CASE a.slot WHEN 'baseline' THEN 0 WHEN 'target' THEN 1 ELSE 2 END)
            FROM goal_slot AS a JOIN goal_item AS o ON o.goal_id = a.goal_id AND o.item = a.item
            WHERE a.goal_id = j.goal_id AND a.value IS NULL), ''),
        'carried_from', 'G' || j.carried_from, 'carried_to', (SELECT 'G' || c.goal_id FROM goal AS c WHERE c.carried_from = j.goal_id),
        'weight', j.weight, 'score', j.score, 'aligned_to', 'G' || j.aligned_to,
        'aligned_to_person', (SELECT o.employee_id FROM goal AS a JOIN person AS o ON o.person_id = a.person_id WHERE a.goal_id = j.aligned_to),
        'item_progress', (round((i.clamped * 10000)::numeric) / 10000)::float8, 'item_weight', i.weight,
        'keep', CASE WHEN i.direction = 'maintain' THEN COALESCE(i.keep, 'within') END,
        'tolerance', CASE WHEN i.direction = 'maintain' THEN COALESCE(i.tolerance, 0) END,
        'confidence', i.confidence, 'note', i.note)::text
        AS head, COALESCE(x.docs, '[]') AS items, COALESCE(tr.points, '[]') AS trend
    FROM judged AS j
    JOIN person AS p ON p.person_id = j.person_id
    JOIN frame AS fr ON fr.frame_id = p.frame_id
    LEFT JOIN person AS m ON m.person_id = p.manager_person_id
    JOIN goal_template AS t ON t.template_id = j.template_id
    LEFT JOIN item AS i ON i.goal_id = j.goal_id AND i.first_line = (SELECT min(first_line) FROM goal_item AS o WHERE o.goal_id = j.goal_id)
    LEFT JOIN items AS x ON x.goal_id = j.goal_id
    LEFT JOIN trend AS tr ON tr.goal_id = j.goal_id),
change AS (
    SELECT h.changed_at, h.actor, 'G' || h.goal_id AS goal_id, COALESCE(p.employee_id, '') AS person_id,
           CASE h.field WHEN 'created' THEN 'added' WHEN 'carried_to' THEN 'carried'
                        WHEN 'target' THEN CASE WHEN h.item IS NULL OR h.item = 'main' THEN 'target moved' ELSE h.item || ' target moved' END
                        ELSE h.new_value END AS kind,
           CASE WHEN h.field = 'target' THEN h.old_value END AS old,
           CASE WHEN h.field IN ('target', 'carried_to') THEN h.new_value END AS new, h.note, h.history_id
    FROM history AS h LEFT JOIN person AS p ON p.person_id = h.person_id
    WHERE h.goal_id IN (SELECT goal_id FROM g) AND h.changed_at >= '2026-10-01T00:00:00.000Z'
      AND h.changed_at <= to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      AND (h.field IN ('created', 'carried_to') OR (h.field = 'target' AND h.old_value IS NOT NULL)
           OR (h.field = 'status' AND h.new_value IN ('dropped', 'carried', 'done'))))
-- The document, a goal a row: its opening, the goals in order, then the changes.
SELECT doc FROM (
    SELECT 0 AS part, 0 AS n,
           '{"quarter": "2026Q4", "scope": ' || to_json((SELECT 'team of ' || name || ' (' || employee_id || ')' FROM person WHERE employee_id = 'TEAM'))::text
           || ', "as_of": ' || to_json(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
           || ', "report_date": ' || to_json((SELECT day FROM rd))::text
           || ', "closed": ' || CASE WHEN EXISTS (SELECT 1 FROM closed_quarter WHERE quarter = '2026Q4') THEN 'true' ELSE 'false' END
           || ', "goals": [' AS doc
    UNION ALL
    SELECT 1, n, CASE WHEN n = 1 THEN '' ELSE ', ' END || left(head, -1) || ', "items": ' || items || ', "trend": ' || trend || '}'
    FROM goal_json
    UNION ALL
    SELECT 2, 0, '], "changes": ' || COALESCE((SELECT json_agg(json_build_object(
               'changed_at', changed_at, 'actor', actor, 'goal_id', goal_id, 'person_id', person_id,
               'kind', kind, 'old', old, 'new', new, 'note', note) ORDER BY changed_at, history_id) FROM change)::text, '[]') || '}'
) AS document ORDER BY part, n;
