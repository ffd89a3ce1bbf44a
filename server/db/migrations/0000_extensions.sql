-- Trigram matching for Japanese search (resources, later issues). Loaded here so that every
-- later migration can rely on it, on PGlite and PostgreSQL alike.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
