-- Runs once, when the postgres container initialises an empty data volume
-- (/docker-entrypoint-initdb.d), as the image's superuser.
--
-- cockpit_owner owns the database and the tables; it runs the migrations (and their
-- SECURITY DEFINER functions), so it may bypass row-level security.
-- cockpit_app is what the api and the worker connect as: no superuser, no BYPASSRLS, owns
-- nothing, so every tenant table's row-level-security policy applies to it. The migrations
-- grant it the table privileges it needs.
--
-- The passwords match docker-compose.yml; change both together for anything but local use.

CREATE ROLE cockpit_owner LOGIN PASSWORD 'cockpit_owner' NOSUPERUSER BYPASSRLS;
CREATE ROLE cockpit_app LOGIN PASSWORD 'cockpit_app' NOSUPERUSER NOBYPASSRLS;

CREATE DATABASE cockpit OWNER cockpit_owner ENCODING 'UTF8';
REVOKE ALL ON DATABASE cockpit FROM PUBLIC;
GRANT CONNECT ON DATABASE cockpit TO cockpit_app;

\connect cockpit

-- As in the embedded start (ensureDatabase): the superuser creates the extension, so the
-- owner's "CREATE EXTENSION IF NOT EXISTS citext" in the first migration is a no-op.
CREATE EXTENSION IF NOT EXISTS citext;
-- Nobody else creates objects in the schema (the default since PostgreSQL 15, said anyway).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- citext's functions belong to this superuser, so only here can they be closed to PUBLIC (as
-- ensureDatabase does); the owner and the application compare citext columns.
DO $$ DECLARE f regprocedure; BEGIN
  FOR f IN SELECT d.objid::regprocedure FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
            WHERE d.classid = 'pg_proc'::regclass AND d.deptype = 'e' AND e.extname = 'citext' LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO cockpit_app, cockpit_owner', f);
  END LOOP;
END $$;
