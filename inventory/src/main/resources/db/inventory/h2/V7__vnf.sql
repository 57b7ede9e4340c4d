-- VNF on universal CPE: the provider's package catalogue (signed SOL004-shaped CSARs), tenants'
-- VNF instances on a uCPE device, and their lifecycle operation occurrences (SOL003 VnfLcmOpOcc).

CREATE TABLE vnf_package (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  vnfd_id VARCHAR(100) NOT NULL,
  provider VARCHAR(100) NOT NULL,
  product_name VARCHAR(100) NOT NULL,
  software_version VARCHAR(60) NOT NULL,
  vnfd_version VARCHAR(60) NOT NULL,
  state VARCHAR(20) NOT NULL,
  flavours CLOB NOT NULL,
  image_path VARCHAR(255) NOT NULL,
  image_sha256 VARCHAR(64) NOT NULL,
  image_size_bytes BIGINT NOT NULL,
  package_sha256 VARCHAR(64) NOT NULL,
  package_size_bytes BIGINT NOT NULL,
  signature VARCHAR(1000) NOT NULL,
  signing_key_id VARCHAR(80) NOT NULL,
  storage_location VARCHAR(500) NOT NULL,
  CONSTRAINT uk_vnf_package_product_version UNIQUE (provider, product_name, software_version)
);

CREATE TABLE vnf_instance (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  site_id VARCHAR(36) NOT NULL,
  device_id VARCHAR(36) NOT NULL,
  package_id VARCHAR(36) NOT NULL,
  flavour_id VARCHAR(60) NOT NULL,
  name VARCHAR(40) NOT NULL,
  state VARCHAR(20) NOT NULL,
  reserved_vcpus INT NOT NULL,
  reserved_memory_mib INT NOT NULL,
  reserved_hugepages_mib INT NOT NULL,
  CONSTRAINT uk_vnf_instance_device_name UNIQUE (device_id, name),
  CONSTRAINT fk_vnf_instance_site FOREIGN KEY (site_id) REFERENCES site (id),
  CONSTRAINT fk_vnf_instance_device FOREIGN KEY (device_id) REFERENCES device (id),
  CONSTRAINT fk_vnf_instance_package FOREIGN KEY (package_id) REFERENCES vnf_package (id)
);

CREATE TABLE vnf_lcm_op_occ (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  vnf_instance_id VARCHAR(36) NOT NULL,
  operation VARCHAR(20) NOT NULL,
  operation_state VARCHAR(20) NOT NULL,
  start_time TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  state_entered_time TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  operation_id VARCHAR(36),
  error_title VARCHAR(200),
  error_detail VARCHAR(2000),
  error_status INT,
  CONSTRAINT fk_vnf_lcm_op_occ_instance FOREIGN KEY (vnf_instance_id) REFERENCES vnf_instance (id)
);

CREATE INDEX ix_vnf_lcm_op_occ_instance ON vnf_lcm_op_occ (vnf_instance_id);
CREATE INDEX ix_vnf_lcm_op_occ_operation ON vnf_lcm_op_occ (operation_id);
