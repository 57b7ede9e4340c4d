-- Firewall: address objects and groups, applications and sets, zones per site, policies with
-- their ordered rules and sites, immutable published versions and deployments.

CREATE TABLE fw_address (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  name VARCHAR(63) NOT NULL,
  kind VARCHAR(10) NOT NULL,
  address_value VARCHAR(253) NOT NULL,
  value_to VARCHAR(39),
  CONSTRAINT uk_fw_address_tenant_name UNIQUE (tenant_id, name),
  CONSTRAINT fk_fw_address_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE fw_address_group (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  name VARCHAR(63) NOT NULL,
  members VARCHAR(4000) NOT NULL,
  CONSTRAINT uk_fw_address_group_tenant_name UNIQUE (tenant_id, name),
  CONSTRAINT fk_fw_address_group_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE fw_application (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  name VARCHAR(63) NOT NULL,
  protocol VARCHAR(10) NOT NULL,
  destination_port VARCHAR(11),
  CONSTRAINT uk_fw_application_tenant_name UNIQUE (tenant_id, name),
  CONSTRAINT fk_fw_application_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE fw_application_set (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  name VARCHAR(63) NOT NULL,
  members VARCHAR(4000) NOT NULL,
  CONSTRAINT uk_fw_application_set_tenant_name UNIQUE (tenant_id, name),
  CONSTRAINT fk_fw_application_set_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE fw_zone (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  site_id VARCHAR(36) NOT NULL,
  name VARCHAR(63) NOT NULL,
  interfaces VARCHAR(2000) NOT NULL,
  CONSTRAINT uk_fw_zone_site_name UNIQUE (site_id, name),
  CONSTRAINT fk_fw_zone_site FOREIGN KEY (site_id) REFERENCES site (id)
);

CREATE TABLE fw_policy (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  name VARCHAR(63) NOT NULL,
  description VARCHAR(2000),
  latest_version INT NOT NULL,
  CONSTRAINT uk_fw_policy_tenant_name UNIQUE (tenant_id, name),
  CONSTRAINT fk_fw_policy_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE fw_policy_rule (
  policy_id VARCHAR(36) NOT NULL,
  rule_position INT NOT NULL,
  name VARCHAR(63) NOT NULL,
  from_zones VARCHAR(1000) NOT NULL,
  to_zones VARCHAR(1000) NOT NULL,
  sources VARCHAR(4000) NOT NULL,
  destinations VARCHAR(4000) NOT NULL,
  applications VARCHAR(4000) NOT NULL,
  action VARCHAR(10) NOT NULL,
  log_init BOOLEAN NOT NULL,
  log_close BOOLEAN NOT NULL,
  count_sessions BOOLEAN NOT NULL,
  enabled BOOLEAN NOT NULL,
  PRIMARY KEY (policy_id, rule_position),
  CONSTRAINT fk_fw_policy_rule_policy FOREIGN KEY (policy_id) REFERENCES fw_policy (id)
);

CREATE TABLE fw_policy_site (
  policy_id VARCHAR(36) NOT NULL,
  site_id VARCHAR(36) NOT NULL,
  PRIMARY KEY (policy_id, site_id),
  CONSTRAINT fk_fw_policy_site_policy FOREIGN KEY (policy_id) REFERENCES fw_policy (id),
  CONSTRAINT fk_fw_policy_site_site FOREIGN KEY (site_id) REFERENCES site (id)
);

CREATE TABLE fw_policy_version (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  policy_id VARCHAR(36) NOT NULL,
  version_number INT NOT NULL,
  published_by VARCHAR(120) NOT NULL,
  snapshot_json LONGTEXT NOT NULL,
  CONSTRAINT uk_fw_policy_version_number UNIQUE (policy_id, version_number),
  CONSTRAINT fk_fw_policy_version_policy FOREIGN KEY (policy_id) REFERENCES fw_policy (id)
);

CREATE TABLE fw_deployment (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  policy_id VARCHAR(36) NOT NULL,
  version_number INT NOT NULL,
  site_id VARCHAR(36) NOT NULL,
  device_id VARCHAR(36),
  operation_id VARCHAR(36),
  state VARCHAR(20) NOT NULL,
  message VARCHAR(2000),
  requested_by VARCHAR(120) NOT NULL,
  finished_at DATETIME(6),
  CONSTRAINT fk_fw_deployment_policy FOREIGN KEY (policy_id) REFERENCES fw_policy (id)
);

CREATE INDEX ix_fw_deployment_policy ON fw_deployment (policy_id, created_at);
CREATE INDEX ix_fw_deployment_device ON fw_deployment (device_id, state);
