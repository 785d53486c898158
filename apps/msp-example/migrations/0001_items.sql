-- Items the example service stores; the job and the expiry routine delete
-- those older than ITEM_TTL_HOURS.
CREATE TABLE items (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  value jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX items_created_at ON items (created_at);
