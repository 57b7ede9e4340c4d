-- Runtime state of the embedded engine. Each row holds one entity as JSON; the key and
-- process instance key are columns so operators can find rows by hand.

CREATE TABLE engine_process_definition (
  key_ BIGINT NOT NULL PRIMARY KEY,
  process_instance_key BIGINT,
  data CLOB NOT NULL
);
CREATE INDEX idx_engine_process_definition_pi ON engine_process_definition (process_instance_key);

CREATE TABLE engine_element_instance (
  key_ BIGINT NOT NULL PRIMARY KEY,
  process_instance_key BIGINT,
  data CLOB NOT NULL
);
CREATE INDEX idx_engine_element_instance_pi ON engine_element_instance (process_instance_key);

CREATE TABLE engine_job (
  key_ BIGINT NOT NULL PRIMARY KEY,
  process_instance_key BIGINT,
  data CLOB NOT NULL
);
CREATE INDEX idx_engine_job_pi ON engine_job (process_instance_key);

CREATE TABLE engine_timer (
  key_ BIGINT NOT NULL PRIMARY KEY,
  process_instance_key BIGINT,
  data CLOB NOT NULL
);
CREATE INDEX idx_engine_timer_pi ON engine_timer (process_instance_key);

CREATE TABLE engine_message_subscription (
  key_ BIGINT NOT NULL PRIMARY KEY,
  process_instance_key BIGINT,
  data CLOB NOT NULL
);
CREATE INDEX idx_engine_message_subscription_pi ON engine_message_subscription (process_instance_key);

CREATE TABLE engine_message (
  key_ BIGINT NOT NULL PRIMARY KEY,
  process_instance_key BIGINT,
  data CLOB NOT NULL
);
CREATE INDEX idx_engine_message_pi ON engine_message (process_instance_key);

CREATE TABLE engine_incident (
  key_ BIGINT NOT NULL PRIMARY KEY,
  process_instance_key BIGINT,
  data CLOB NOT NULL
);
CREATE INDEX idx_engine_incident_pi ON engine_incident (process_instance_key);

CREATE TABLE engine_variable (
  scope_key BIGINT NOT NULL,
  name VARCHAR(512) NOT NULL,
  process_instance_key BIGINT,
  data CLOB NOT NULL,
  PRIMARY KEY (scope_key, name)
);
CREATE INDEX idx_engine_variable_pi ON engine_variable (process_instance_key);

CREATE TABLE engine_key_sequence (
  id INT NOT NULL PRIMARY KEY,
  reserved_up_to BIGINT NOT NULL
);
INSERT INTO engine_key_sequence (id, reserved_up_to) VALUES (1, 0);
