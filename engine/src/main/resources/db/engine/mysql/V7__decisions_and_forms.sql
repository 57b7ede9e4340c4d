-- DMN resources (decision requirements graphs with their decision definitions) and Camunda forms,
-- deployed with processes in one deployment; one row per deployed version, as JSON like the other
-- engine tables (process_instance_key stays null: they belong to no instance).
CREATE TABLE engine_decision_requirements (
  key_ BIGINT NOT NULL PRIMARY KEY,
  process_instance_key BIGINT,
  data LONGTEXT NOT NULL
);

CREATE TABLE engine_form (
  key_ BIGINT NOT NULL PRIMARY KEY,
  process_instance_key BIGINT,
  data LONGTEXT NOT NULL
);
