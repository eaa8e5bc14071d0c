-- Goalbook schema, migration 0011: a team as it was, found without reading everyone.
--
-- A report of a team as of a past instant walks the team as it was then, a level at a time.
-- Whoever had a given manager then either has them now (person.manager_person_id) or has a
-- manager change that names them, as the old value or the new one. These two indexes hold only
-- people's manager changes, so that each level looks its candidates up instead of reading every
-- person and all their history (a 200-person team's past report read all of a 1M-person file).
-- `field` leads although it is always 'manager': SQLite, with no statistics, prefers the index
-- that matches more columns, and on `new_value` alone it chose history_by_goal (goal_id IS NULL),
-- which reads every change to every person.
CREATE INDEX history_by_old_manager ON history (field, old_value) WHERE goal_id IS NULL AND field = 'manager';
CREATE INDEX history_by_new_manager ON history (field, new_value) WHERE goal_id IS NULL AND field = 'manager';
