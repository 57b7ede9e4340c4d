-- Sequence flows taken by process instances (read model only): one row per flow and instance,
-- possibly repeated after a restart, so readers select distinct flows.
CREATE TABLE engine_history_sequence_flow (
  key_ BIGINT NOT NULL PRIMARY KEY,
  process_instance_key BIGINT NOT NULL,
  process_definition_key BIGINT NOT NULL,
  bpmn_process_id VARCHAR(255) NOT NULL,
  element_id VARCHAR(255) NOT NULL,
  tenant_id VARCHAR(255) NOT NULL
);
CREATE INDEX ix_ehsf_pi ON engine_history_sequence_flow (process_instance_key);
