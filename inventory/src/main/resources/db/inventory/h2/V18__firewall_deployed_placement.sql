-- What a deployment put on its device besides the version: the policy's priority (its place among
-- the other policies in each zone pair) and the site's zones with their interfaces, so the next
-- deployment can move the rules when the priority changed and add or remove zone interfaces
-- (docs/firewall.md). Null on older rows: taken as unchanged.
ALTER TABLE fw_deployment ADD COLUMN policy_priority INT;
ALTER TABLE fw_deployment ADD COLUMN zones_json CLOB;
