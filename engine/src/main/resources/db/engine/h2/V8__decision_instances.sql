-- Decision instances (Camunda's /decision-instances search and get): one row per decision evaluated
-- by a business rule task or by the evaluate decision command, required decisions included, in
-- the state EVALUATED or FAILED; written by the batch flush like the other history rows and
-- removed by history retention (with their process instance, or by evaluation date when they
-- belong to none). decision_instance_id is Camunda's decisionEvaluationInstanceKey
-- ("<decisionEvaluationKey>-<n>"); key_ orders and pages them.
CREATE TABLE engine_history_decision_instance (
  key_ BIGINT NOT NULL PRIMARY KEY,
  decision_instance_id VARCHAR(64) NOT NULL,
  evaluation_key BIGINT NOT NULL,
  state VARCHAR(16) NOT NULL,
  evaluation_date BIGINT NOT NULL,
  evaluation_failure VARCHAR(4000),
  decision_definition_key BIGINT,
  decision_definition_id VARCHAR(255) NOT NULL,
  decision_definition_name VARCHAR(255),
  decision_definition_version INT,
  decision_definition_type VARCHAR(32) NOT NULL,
  result_ CLOB,
  evaluated_inputs CLOB,
  matched_rules CLOB,
  process_definition_key BIGINT,
  process_instance_key BIGINT,
  element_instance_key BIGINT,
  tenant_id VARCHAR(255) NOT NULL
);
CREATE UNIQUE INDEX ux_ehdi_id ON engine_history_decision_instance (decision_instance_id);
CREATE INDEX ix_ehdi_pi ON engine_history_decision_instance (process_instance_key);
CREATE INDEX ix_ehdi_evaluation ON engine_history_decision_instance (evaluation_key);
CREATE INDEX ix_ehdi_date ON engine_history_decision_instance (evaluation_date);
CREATE INDEX ix_ehdi_tenant ON engine_history_decision_instance (tenant_id);
