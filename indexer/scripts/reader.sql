-- A login role for the public `ponder serve`: it reads the index's tables and nothing else, so
-- no query it runs can change the index, whatever gets past Ponder's /sql allowlist.
--
-- Run it as the writer (the role in `pnpm indexer`'s DATABASE_URL, with CREATEROLE) once the
-- writer has created its schema:
--
--   psql "$DATABASE_URL" -v reader=prime_reader -v password="$READER_PASSWORD" \
--     -v schema=prime -f indexer/scripts/reader.sql
--
-- then start `pnpm --filter @prime-network/indexer serve` with DATABASE_URL naming that role.
\set ON_ERROR_STOP on
CREATE ROLE :"reader" LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE;
GRANT CONNECT ON DATABASE :"DBNAME" TO :"reader";
GRANT USAGE ON SCHEMA :"schema" TO :"reader";
GRANT SELECT ON ALL TABLES IN SCHEMA :"schema" TO :"reader";
-- Ponder recreates its tables when the schema of the index changes: they stay readable.
ALTER DEFAULT PRIVILEGES IN SCHEMA :"schema" GRANT SELECT ON TABLES TO :"reader";
