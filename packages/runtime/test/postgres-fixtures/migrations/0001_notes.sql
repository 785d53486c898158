-- The first table.
CREATE TABLE fixture_notes (id serial PRIMARY KEY, body text NOT NULL);
