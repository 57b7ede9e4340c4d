-- The one engine that may run on these tables. The embedded engine keeps its state in memory and
-- writes it back batch by batch, so a second engine on the same tables would overwrite the first's
-- rows with its own (same keys, other contents). The owner renews expires_at (epoch millis, its
-- own clock) while it runs and clears owner when it stops; a starting engine takes the row only
-- when it is free or has expired (its owner was killed).
CREATE TABLE engine_owner (
  id INT NOT NULL PRIMARY KEY,
  owner VARCHAR(255),
  expires_at BIGINT NOT NULL
);
INSERT INTO engine_owner (id, owner, expires_at) VALUES (1, NULL, 0);
