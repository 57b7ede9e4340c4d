-- Inventory: tenancy tree, sites, devices, catalogue, operations, local users.

CREATE TABLE operating_company (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  name VARCHAR(120) NOT NULL,
  description VARCHAR(500),
  CONSTRAINT uk_opco_name UNIQUE (name)
);

CREATE TABLE tenant (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  opco_id VARCHAR(36),
  name VARCHAR(120) NOT NULL,
  description VARCHAR(500),
  CONSTRAINT uk_tenant_name UNIQUE (name),
  CONSTRAINT fk_tenant_opco FOREIGN KEY (opco_id) REFERENCES operating_company (id)
);

CREATE TABLE site (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  name VARCHAR(120) NOT NULL,
  type VARCHAR(20) NOT NULL,
  address VARCHAR(300),
  target_software_version VARCHAR(60),
  lifecycle_state VARCHAR(20) NOT NULL,
  CONSTRAINT uk_site_tenant_name UNIQUE (tenant_id, name),
  CONSTRAINT fk_site_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE device_model (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  name VARCHAR(80) NOT NULL,
  vendor VARCHAR(80) NOT NULL,
  family VARCHAR(80) NOT NULL,
  CONSTRAINT uk_device_model_name UNIQUE (name)
);

CREATE TABLE device (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  site_id VARCHAR(36),
  serial_number VARCHAR(80) NOT NULL,
  model_id VARCHAR(36) NOT NULL,
  management_address VARCHAR(255),
  credentials_enc VARCHAR(1000),
  software_version VARCHAR(60),
  lifecycle_state VARCHAR(20) NOT NULL,
  ssh_host_key_fingerprint VARCHAR(120),
  CONSTRAINT uk_device_serial UNIQUE (serial_number),
  CONSTRAINT fk_device_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT fk_device_site FOREIGN KEY (site_id) REFERENCES site (id),
  CONSTRAINT fk_device_model FOREIGN KEY (model_id) REFERENCES device_model (id)
);

CREATE TABLE software_image (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  version VARCHAR(60) NOT NULL,
  model_family VARCHAR(80) NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  signature VARCHAR(1000) NOT NULL,
  signing_key_id VARCHAR(80) NOT NULL,
  size_bytes BIGINT NOT NULL,
  storage_location VARCHAR(500) NOT NULL,
  CONSTRAINT uk_image_family_version UNIQUE (model_family, version)
);

CREATE TABLE operation (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  type VARCHAR(120) NOT NULL,
  target_kind VARCHAR(20) NOT NULL,
  target_id VARCHAR(36) NOT NULL,
  state VARCHAR(20) NOT NULL,
  current_step VARCHAR(120),
  process_instance_key BIGINT,
  requested_by VARCHAR(120) NOT NULL,
  result_json LONGTEXT,
  error VARCHAR(2000),
  CONSTRAINT fk_operation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX idx_operation_tenant_created ON operation (tenant_id, created_at);
CREATE INDEX idx_operation_pi ON operation (process_instance_key);

CREATE TABLE user_account (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  username VARCHAR(120) NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  role VARCHAR(20) NOT NULL,
  opco_id VARCHAR(36),
  tenant_id VARCHAR(36),
  CONSTRAINT uk_user_username UNIQUE (username)
);
