ALTER TABLE fixture_notes ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
INSERT INTO fixture_notes (body) VALUES ('hello');
