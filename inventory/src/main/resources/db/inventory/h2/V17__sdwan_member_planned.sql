-- What each member site was last planned with: its own LAN prefixes and its WAN ports, so that a
-- segment or WAN link changed at a site of an ACTIVE overlay is seen as a change (the previous
-- intent is rendered from these, the next from the site as it is now). NULL: not planned since
-- this column exists, the site as it is counts as planned.
ALTER TABLE sdwan_overlay_member ADD COLUMN planned_prefixes CLOB;
ALTER TABLE sdwan_overlay_member ADD COLUMN planned_wan CLOB;
-- A member configured before per-overlay stanza names (sdwan-ike, sdwan-<label>, ...) may still
-- carry them: its next configuration or leave deletes them, then this goes false.
ALTER TABLE sdwan_overlay_member ADD COLUMN legacy_names BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE sdwan_overlay_member SET legacy_names = TRUE WHERE state NOT IN ('LEFT', 'JOIN_FAILED', 'PLANNED');
