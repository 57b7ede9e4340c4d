-- Security (issue 10): accounts can be disabled without deleting them; tenant names are unique per
-- operating company (two resellers may each have a customer called "Acme"), so a clash never tells
-- one reseller about another's customers. Provider-direct tenants (opco_id null) are kept unique
-- among themselves by the application, as SQL unique keys do not compare nulls.
ALTER TABLE user_account ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE tenant DROP INDEX uk_tenant_name;
CREATE UNIQUE INDEX uk_tenant_opco_name ON tenant (opco_id, name);
CREATE INDEX idx_tenant_name ON tenant (name);
