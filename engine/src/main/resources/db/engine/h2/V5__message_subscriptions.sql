-- Message subscriptions (read model only, /v2/message-subscriptions/search): one row per
-- subscription of a waiting element, CREATED while open, CORRELATED or DELETED once it ended.
-- Process definition key and id come from the process instance's row.
CREATE TABLE engine_history_message_subscription (
  key_ BIGINT NOT NULL PRIMARY KEY,
  process_instance_key BIGINT NOT NULL,
  element_id VARCHAR(255) NOT NULL,
  element_instance_key BIGINT NOT NULL,
  state VARCHAR(32) NOT NULL,
  last_updated BIGINT NOT NULL,
  message_name VARCHAR(255) NOT NULL,
  correlation_key VARCHAR(255),
  tenant_id VARCHAR(255) NOT NULL
);
CREATE INDEX ix_ehms_pi ON engine_history_message_subscription (process_instance_key);
CREATE INDEX ix_ehms_name ON engine_history_message_subscription (message_name);
CREATE INDEX ix_ehms_tenant ON engine_history_message_subscription (tenant_id);
