-- A VNF package's day-0 configuration template (docs/vnf.md), rendered per instance at
-- instantiation; packages onboarded before have none.
ALTER TABLE vnf_package ADD COLUMN day0_template CLOB;
