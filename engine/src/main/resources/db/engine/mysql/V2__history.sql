-- Read model of the engine (Camunda's search API): one row per process instance, element
-- instance, job, incident, variable and process definition, kept after the runtime rows are
-- deleted. Written by the store in the same transaction as the runtime rows. Dates are epoch
-- milliseconds; keys are the engine's keys.
-- MySQL/MariaDB: binary collation, so that text filters and sorting are case-sensitive as on H2.

CREATE TABLE engine_history_process_definition (
  key_ BIGINT NOT NULL PRIMARY KEY,
  bpmn_process_id VARCHAR(255) NOT NULL,
  name VARCHAR(255),
  version INT NOT NULL,
  version_tag VARCHAR(255),
  tenant_id VARCHAR(255) NOT NULL,
  resource_name VARCHAR(1024),
  has_start_form BOOLEAN NOT NULL,
  resource LONGTEXT NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_ehpd_process ON engine_history_process_definition (bpmn_process_id, tenant_id, version);
CREATE INDEX ix_ehpd_tenant ON engine_history_process_definition (tenant_id);

CREATE TABLE engine_history_process_instance (
  key_ BIGINT NOT NULL PRIMARY KEY,
  process_definition_key BIGINT NOT NULL,
  bpmn_process_id VARCHAR(255) NOT NULL,
  process_definition_name VARCHAR(255),
  process_definition_version INT NOT NULL,
  version_tag VARCHAR(255),
  tenant_id VARCHAR(255) NOT NULL,
  state VARCHAR(32) NOT NULL,
  start_date BIGINT NOT NULL,
  end_date BIGINT,
  has_incident BOOLEAN NOT NULL,
  parent_process_instance_key BIGINT,
  parent_element_instance_key BIGINT
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_ehpi_process ON engine_history_process_instance (bpmn_process_id);
CREATE INDEX ix_ehpi_definition ON engine_history_process_instance (process_definition_key);
CREATE INDEX ix_ehpi_state ON engine_history_process_instance (state);
CREATE INDEX ix_ehpi_tenant ON engine_history_process_instance (tenant_id);
CREATE INDEX ix_ehpi_parent ON engine_history_process_instance (parent_process_instance_key);

CREATE TABLE engine_history_element_instance (
  key_ BIGINT NOT NULL PRIMARY KEY,
  process_instance_key BIGINT NOT NULL,
  process_definition_key BIGINT NOT NULL,
  bpmn_process_id VARCHAR(255) NOT NULL,
  element_id VARCHAR(255) NOT NULL,
  element_name VARCHAR(255),
  type VARCHAR(64) NOT NULL,
  state VARCHAR(32) NOT NULL,
  start_date BIGINT NOT NULL,
  end_date BIGINT,
  has_incident BOOLEAN NOT NULL,
  incident_key BIGINT,
  flow_scope_key BIGINT NOT NULL,
  tenant_id VARCHAR(255) NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_ehei_pi ON engine_history_element_instance (process_instance_key);
CREATE INDEX ix_ehei_process ON engine_history_element_instance (bpmn_process_id);
CREATE INDEX ix_ehei_state ON engine_history_element_instance (state);
CREATE INDEX ix_ehei_tenant ON engine_history_element_instance (tenant_id);

CREATE TABLE engine_history_job (
  key_ BIGINT NOT NULL PRIMARY KEY,
  type VARCHAR(255) NOT NULL,
  worker VARCHAR(255),
  state VARCHAR(32) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  listener_event_type VARCHAR(32) NOT NULL,
  retries INT NOT NULL,
  deadline BIGINT,
  end_time BIGINT,
  error_code VARCHAR(255),
  error_message VARCHAR(4000),
  has_failed_with_retries_left BOOLEAN NOT NULL,
  is_denied BOOLEAN NOT NULL,
  denied_reason VARCHAR(255),
  custom_headers MEDIUMTEXT,
  element_id VARCHAR(255) NOT NULL,
  element_instance_key BIGINT NOT NULL,
  process_instance_key BIGINT NOT NULL,
  process_definition_key BIGINT NOT NULL,
  bpmn_process_id VARCHAR(255) NOT NULL,
  tenant_id VARCHAR(255) NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_ehj_pi ON engine_history_job (process_instance_key);
CREATE INDEX ix_ehj_type ON engine_history_job (type);
CREATE INDEX ix_ehj_state ON engine_history_job (state);
CREATE INDEX ix_ehj_tenant ON engine_history_job (tenant_id);

CREATE TABLE engine_history_incident (
  key_ BIGINT NOT NULL PRIMARY KEY,
  error_type VARCHAR(64) NOT NULL,
  error_message VARCHAR(4000),
  error_message_hash INT,
  element_id VARCHAR(255),
  element_instance_key BIGINT,
  process_instance_key BIGINT,
  process_definition_key BIGINT,
  bpmn_process_id VARCHAR(255),
  job_key BIGINT,
  state VARCHAR(32) NOT NULL,
  creation_time BIGINT NOT NULL,
  tenant_id VARCHAR(255) NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_ehin_pi ON engine_history_incident (process_instance_key);
CREATE INDEX ix_ehin_ei ON engine_history_incident (element_instance_key);
CREATE INDEX ix_ehin_state ON engine_history_incident (state);
CREATE INDEX ix_ehin_tenant ON engine_history_incident (tenant_id);

-- Variables have no key in the runtime state; the read model numbers them.
CREATE TABLE engine_history_variable (
  key_ BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  scope_key BIGINT NOT NULL,
  name VARCHAR(512) NOT NULL,
  value_ VARCHAR(8191) NOT NULL,
  full_value LONGTEXT,
  is_truncated BOOLEAN NOT NULL,
  process_instance_key BIGINT NOT NULL,
  tenant_id VARCHAR(255) NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE UNIQUE INDEX ux_ehv_scope_name ON engine_history_variable (scope_key, name);
CREATE INDEX ix_ehv_pi ON engine_history_variable (process_instance_key);
CREATE INDEX ix_ehv_name ON engine_history_variable (name);
CREATE INDEX ix_ehv_tenant ON engine_history_variable (tenant_id);
