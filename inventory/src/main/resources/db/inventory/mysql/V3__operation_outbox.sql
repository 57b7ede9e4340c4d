-- Operations as a transactional outbox (issue 9): recorded PENDING with the rows they need, started
-- by the dispatcher after the commit; one active operation per target, enforced by a unique index on
-- a column that is null once the operation is final; an open incident flags it for attention.
ALTER TABLE operation ADD COLUMN active_target VARCHAR(60);
ALTER TABLE operation ADD COLUMN start_variables LONGTEXT;
ALTER TABLE operation ADD COLUMN attention BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE operation ADD COLUMN attention_message VARCHAR(2000);
ALTER TABLE operation ADD COLUMN attention_element VARCHAR(120);
ALTER TABLE operation ADD COLUMN finished_at DATETIME(6);
CREATE UNIQUE INDEX uk_operation_active_target ON operation (active_target);
CREATE INDEX idx_operation_state ON operation (state, created_at);
