-- Several policies on one device: their rules go into each zone pair in the order of their
-- priority (lower first), then of their names (docs/firewall.md).
ALTER TABLE fw_policy ADD COLUMN priority INT NOT NULL DEFAULT 100;
