-- Camunda user tasks (zeebe:userTask): one row per task, open or ended, its state as JSON like the
-- other runtime tables.
CREATE TABLE engine_user_task (
  key_ BIGINT NOT NULL PRIMARY KEY,
  process_instance_key BIGINT,
  data CLOB NOT NULL
);
CREATE INDEX idx_engine_user_task_pi ON engine_user_task (process_instance_key);
