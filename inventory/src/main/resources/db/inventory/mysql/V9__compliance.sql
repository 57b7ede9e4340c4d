-- Configuration compliance (issue 16): the report names the check's operation and process
-- instance, and since when the device has been out of sync.
ALTER TABLE compliance_report ADD COLUMN operation_id VARCHAR(36);
ALTER TABLE compliance_report ADD COLUMN process_instance_key BIGINT;
ALTER TABLE compliance_report ADD COLUMN out_of_sync_since DATETIME(6);
