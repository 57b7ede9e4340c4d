-- st0 units are allocated per device across overlays (docs/sdwan.md): a tunnel's unit is its own
-- column, no longer its number; existing tunnels keep the unit they were rendered with.
ALTER TABLE sdwan_tunnel ADD COLUMN st0_unit INT;
UPDATE sdwan_tunnel SET st0_unit = tunnel_number;
ALTER TABLE sdwan_tunnel MODIFY st0_unit INT NOT NULL;
CREATE INDEX ix_sdwan_tunnel_a_site ON sdwan_tunnel (a_site_id);
CREATE INDEX ix_sdwan_tunnel_b_site ON sdwan_tunnel (b_site_id);
