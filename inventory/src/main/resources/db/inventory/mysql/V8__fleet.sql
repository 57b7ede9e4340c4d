-- Fleet operations (issue 16): upgrade campaigns with their devices' waves and statuses, the
-- configuration Switchboard intends per device (with the operation that wrote each part), and the
-- latest compliance report per device.
CREATE TABLE upgrade_campaign (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  name VARCHAR(120) NOT NULL,
  image_id VARCHAR(36) NOT NULL,
  target_version VARCHAR(60) NOT NULL,
  plan_json LONGTEXT NOT NULL,
  max_failure_percent DOUBLE NOT NULL,
  campaign_max_failure_percent DOUBLE NOT NULL,
  soak_time VARCHAR(40),
  approval_required BOOLEAN NOT NULL,
  approver VARCHAR(120),
  window_start DATETIME(6),
  window_end DATETIME(6),
  state VARCHAR(20) NOT NULL,
  operation_id VARCHAR(36),
  stop_reason VARCHAR(2000),
  requested_by VARCHAR(120) NOT NULL,
  CONSTRAINT fk_campaign_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX idx_campaign_tenant ON upgrade_campaign (tenant_id, created_at);

CREATE TABLE campaign_device (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  campaign_id VARCHAR(36) NOT NULL,
  device_id VARCHAR(36) NOT NULL,
  wave_number INT NOT NULL,
  status VARCHAR(20) NOT NULL,
  message VARCHAR(2000),
  started_at DATETIME(6),
  finished_at DATETIME(6),
  CONSTRAINT uk_campaign_device UNIQUE (campaign_id, device_id),
  CONSTRAINT fk_campaign_device_campaign FOREIGN KEY (campaign_id) REFERENCES upgrade_campaign (id),
  CONSTRAINT fk_campaign_device_device FOREIGN KEY (device_id) REFERENCES device (id)
);
CREATE INDEX idx_campaign_device_device ON campaign_device (device_id, status);

CREATE TABLE intended_config (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  device_id VARCHAR(36) NOT NULL,
  part VARCHAR(60) NOT NULL,
  set_lines LONGTEXT NOT NULL,
  operation_id VARCHAR(36),
  process_instance_key BIGINT,
  CONSTRAINT uk_intended_config_part UNIQUE (device_id, part),
  CONSTRAINT fk_intended_config_device FOREIGN KEY (device_id) REFERENCES device (id)
);

CREATE TABLE compliance_report (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  device_id VARCHAR(36) NOT NULL,
  status VARCHAR(20) NOT NULL,
  checked_at DATETIME(6) NOT NULL,
  commit_user VARCHAR(120),
  commit_time VARCHAR(60),
  commit_client VARCHAR(60),
  commit_comment VARCHAR(500),
  details_json LONGTEXT,
  message VARCHAR(2000),
  CONSTRAINT uk_compliance_device UNIQUE (device_id),
  CONSTRAINT fk_compliance_device FOREIGN KEY (device_id) REFERENCES device (id)
);
CREATE INDEX idx_compliance_tenant ON compliance_report (tenant_id, status);
