-- Goalbook schema, migration 0008: a change made for someone else says so.
--
-- On PostgreSQL a manager's login writes history and check-ins under its own name, whatever
-- --by says, and the name --by gave is kept beside it in on_behalf_of. A SQLite file has no
-- logins: there, actor is the name Goalbook was given and on_behalf_of stays NULL. The columns
-- are here too so that one query serves both engines, and a copy carries them.

ALTER TABLE history ADD COLUMN on_behalf_of TEXT;
ALTER TABLE checkin ADD COLUMN on_behalf_of TEXT;

INSERT INTO dictionary (object, "column", type, description) VALUES
    ('history', 'on_behalf_of', 'TEXT',
     'On PostgreSQL, the name given with --by (or GOALBOOK_USER) when a manager''s login made the change under its own name in actor; NULL otherwise, and always NULL on SQLite, which has no logins.'),
    ('checkin', 'on_behalf_of', 'TEXT',
     'As history.on_behalf_of, for the check-in''s actor.');
