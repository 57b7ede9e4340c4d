-- The version a device ran before a deployment (null: none of the policy), so a deployment that
-- compensates can restore exactly that version on the devices it already changed.
ALTER TABLE fw_deployment ADD COLUMN previous_version INT;

CREATE INDEX ix_fw_deployment_operation ON fw_deployment (operation_id);
