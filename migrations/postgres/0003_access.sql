-- Goalbook schema on PostgreSQL, migration 0003: access in the database.
--
-- Three group roles, made here when the cluster lacks them (roles belong to the cluster, not to
-- one database, so the migrating role needs CREATEROLE the first time):
--   goalbook_admin    HR operations: everything (people import, canon import, quarter close,
--                     access grant);
--   goalbook_manager  their own subtree: people read, goals, items, slots, check-ins and history
--                     read and written, for the people below the person their login is tied to;
--   goalbook_analyst  everything read, nothing written (the views, goalbook sql).
-- `goalbook access grant E010 --role alice` ties a login role to a person and makes it a member
-- of goalbook_manager. Row-level security policies then show that role only that person and the
-- people below them, in every table and view, through goalbook and through psql alike. The views
-- run with the querying role's rights (security_invoker), so they show the same rows.
--
-- A manager's history rows and check-ins carry its login role as actor, set by the server: --by
-- cannot change it, and the name --by gave is kept in on_behalf_of. The database owner (who ran
-- goalbook init) and goalbook_admin may record on behalf of others under the given name.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'goalbook_admin') THEN CREATE ROLE goalbook_admin NOLOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'goalbook_manager') THEN CREATE ROLE goalbook_manager NOLOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'goalbook_analyst') THEN CREATE ROLE goalbook_analyst NOLOGIN; END IF;
END;
$$;

ALTER TABLE history ADD COLUMN on_behalf_of text COLLATE "C";
ALTER TABLE checkin ADD COLUMN on_behalf_of text COLLATE "C";

-- Which login role is tied to which person: one person per role.
CREATE TABLE access_grant (
    role_name   text COLLATE "C" PRIMARY KEY,      -- the login role, as pg_roles names it
    person_id   bigint NOT NULL REFERENCES person (person_id),
    granted_at  text NOT NULL,
    granted_by  text NOT NULL
);
CREATE INDEX access_grant_by_person ON access_grant (person_id);

-- The people the session's login may see: the person it is tied to and everyone below them.
-- It reads as the owner (SECURITY DEFINER), so the policies that call it do not recurse.
CREATE FUNCTION goalbook_visible_people() RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    WITH RECURSIVE tree(person_id) AS (
        SELECT a.person_id FROM access_grant AS a WHERE a.role_name = session_user
        UNION
        SELECT p.person_id FROM person AS p JOIN tree AS t ON p.manager_person_id = t.person_id)
    SELECT person_id FROM tree;
$$;
REVOKE ALL ON FUNCTION goalbook_visible_people() FROM PUBLIC;

-- True when the session's login is tied to a person: its changes carry its own name.
CREATE FUNCTION goalbook_login_is_tied() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (SELECT 1 FROM access_grant WHERE role_name = session_user);
$$;
REVOKE ALL ON FUNCTION goalbook_login_is_tied() FROM PUBLIC;

-- The key after the highest, over every row: what a new person, goal or check-in takes. A
-- manager's own reads stop at its subtree, so it asks here.
CREATE FUNCTION goalbook_next_key(what text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    key bigint;
BEGIN
    CASE what
        WHEN 'person' THEN SELECT COALESCE(max(person_id), 0) + 1 INTO key FROM person;
        WHEN 'goal' THEN SELECT COALESCE(max(goal_id), 0) + 1 INTO key FROM goal;
        WHEN 'checkin' THEN SELECT COALESCE(max(checkin_id), 0) + 1 INTO key FROM checkin;
        ELSE RAISE EXCEPTION 'goalbook_next_key: no key for %', what;
    END CASE;
    RETURN key;
END;
$$;
REVOKE ALL ON FUNCTION goalbook_next_key(text) FROM PUBLIC;

CREATE FUNCTION goalbook_stamp_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF goalbook_login_is_tied() THEN
        IF NEW.actor IS DISTINCT FROM session_user THEN NEW.on_behalf_of := NEW.actor; END IF;
        NEW.actor := session_user;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER history_actor_is_the_login BEFORE INSERT ON history FOR EACH ROW EXECUTE FUNCTION goalbook_stamp_actor();
CREATE TRIGGER checkin_actor_is_the_login BEFORE INSERT ON checkin FOR EACH ROW EXECUTE FUNCTION goalbook_stamp_actor();

-- Row-level security: admins and analysts see every row, managers their subtree's. The owner
-- is not bound by it (it is not FORCEd), as PostgreSQL's owners never are.
ALTER TABLE person ENABLE ROW LEVEL SECURITY;
ALTER TABLE goal ENABLE ROW LEVEL SECURITY;
ALTER TABLE goal_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE goal_slot ENABLE ROW LEVEL SECURITY;
ALTER TABLE checkin ENABLE ROW LEVEL SECURITY;
ALTER TABLE history ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_grant ENABLE ROW LEVEL SECURITY;

CREATE POLICY person_admin ON person TO goalbook_admin USING (true) WITH CHECK (true);
CREATE POLICY person_analyst ON person FOR SELECT TO goalbook_analyst USING (true);
CREATE POLICY person_manager ON person TO goalbook_manager
    USING (person_id IN (SELECT goalbook_visible_people())) WITH CHECK (person_id IN (SELECT goalbook_visible_people()));

CREATE POLICY goal_admin ON goal TO goalbook_admin USING (true) WITH CHECK (true);
CREATE POLICY goal_analyst ON goal FOR SELECT TO goalbook_analyst USING (true);
CREATE POLICY goal_manager ON goal TO goalbook_manager
    USING (person_id IN (SELECT goalbook_visible_people())) WITH CHECK (person_id IN (SELECT goalbook_visible_people()));

-- An item, slot or check-in goes with its goal: the goal's own policy decides (the subquery
-- reads goal with the querying role's rights).
CREATE POLICY goal_item_admin ON goal_item TO goalbook_admin USING (true) WITH CHECK (true);
CREATE POLICY goal_item_analyst ON goal_item FOR SELECT TO goalbook_analyst USING (true);
CREATE POLICY goal_item_manager ON goal_item TO goalbook_manager
    USING (goal_id IN (SELECT g.goal_id FROM goal AS g)) WITH CHECK (goal_id IN (SELECT g.goal_id FROM goal AS g));

CREATE POLICY goal_slot_admin ON goal_slot TO goalbook_admin USING (true) WITH CHECK (true);
CREATE POLICY goal_slot_analyst ON goal_slot FOR SELECT TO goalbook_analyst USING (true);
CREATE POLICY goal_slot_manager ON goal_slot TO goalbook_manager
    USING (goal_id IN (SELECT g.goal_id FROM goal AS g)) WITH CHECK (goal_id IN (SELECT g.goal_id FROM goal AS g));

CREATE POLICY checkin_admin ON checkin TO goalbook_admin USING (true) WITH CHECK (true);
CREATE POLICY checkin_analyst ON checkin FOR SELECT TO goalbook_analyst USING (true);
CREATE POLICY checkin_manager ON checkin TO goalbook_manager
    USING (goal_id IN (SELECT g.goal_id FROM goal AS g)) WITH CHECK (goal_id IN (SELECT g.goal_id FROM goal AS g));

-- History: a person's rows, a goal's rows, and the quarter events, which name nobody.
CREATE POLICY history_admin ON history TO goalbook_admin USING (true) WITH CHECK (true);
CREATE POLICY history_analyst ON history FOR SELECT TO goalbook_analyst USING (true);
CREATE POLICY history_manager ON history TO goalbook_manager
    USING ((person_id IS NULL AND goal_id IS NULL) OR person_id IN (SELECT goalbook_visible_people())
           OR goal_id IN (SELECT g.goal_id FROM goal AS g))
    WITH CHECK (person_id IN (SELECT goalbook_visible_people()) OR goal_id IN (SELECT g.goal_id FROM goal AS g));

CREATE POLICY access_grant_admin ON access_grant TO goalbook_admin USING (true) WITH CHECK (true);
CREATE POLICY access_grant_analyst ON access_grant FOR SELECT TO goalbook_analyst USING (true);

-- The views read with the querying role's rights, so its policies apply to them too.
ALTER VIEW frame_current SET (security_invoker = true);
ALTER VIEW canon_statement SET (security_invoker = true);
ALTER VIEW goal_history SET (security_invoker = true);
ALTER VIEW org_tree SET (security_invoker = true);
ALTER VIEW goal_alignment SET (security_invoker = true);
ALTER VIEW goal_item_progress SET (security_invoker = true);
ALTER VIEW goal_current SET (security_invoker = true);
ALTER VIEW quarter_progress SET (security_invoker = true);
ALTER VIEW team_progress SET (security_invoker = true);
ALTER VIEW checkin_all SET (security_invoker = true);
ALTER VIEW checkin_latest SET (security_invoker = true);

-- What each group may do.
GRANT USAGE ON SCHEMA public TO goalbook_admin, goalbook_manager, goalbook_analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO goalbook_admin, goalbook_manager, goalbook_analyst;
REVOKE SELECT ON access_grant FROM goalbook_manager;
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO goalbook_admin;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO goalbook_admin;
GRANT INSERT, UPDATE ON goal, goal_item, goal_slot TO goalbook_manager;
GRANT INSERT ON checkin, history, goal_template TO goalbook_manager;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO goalbook_manager;
GRANT EXECUTE ON FUNCTION goalbook_visible_people(), goalbook_login_is_tied() TO goalbook_admin, goalbook_manager, goalbook_analyst;
GRANT EXECUTE ON FUNCTION goalbook_next_key(text) TO goalbook_admin, goalbook_manager;

INSERT INTO dictionary (object, "column", type, description) VALUES
('access_grant', '', 'table', 'PostgreSQL only: which login role is tied to which person. A tied role sees and changes only that person and the people below them (row-level security), and its changes carry its own name. goalbook access grant|list|revoke.'),
('access_grant', 'role_name', 'TEXT', 'The login role, as pg_roles names it.'),
('access_grant', 'person_id', 'INTEGER', 'The person it is tied to (person.person_id).'),
('access_grant', 'granted_at', 'TEXT', 'When, ISO-8601 UTC.'),
('access_grant', 'granted_by', 'TEXT', 'The login that granted it.'),
('history', 'on_behalf_of', 'TEXT', 'The name given with --by (or GOALBOOK_USER) when a manager''s login made the change under its own name in actor; NULL otherwise.'),
('checkin', 'on_behalf_of', 'TEXT', 'As history.on_behalf_of, for the check-in''s actor.');

UPDATE dictionary AS d SET type = c.data_type
FROM information_schema.columns AS c
WHERE c.table_schema = current_schema() AND c.table_name = d.object AND c.column_name = d."column"
  AND d.object IN ('access_grant', 'history', 'checkin');
