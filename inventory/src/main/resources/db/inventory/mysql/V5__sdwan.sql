-- SD-WAN: WAN links and LAN segments per site, overlays with their member sites, tunnels (the
-- pre-shared key encrypted like device credentials), SLA profiles and steering rules.

CREATE TABLE sdwan_wan_link (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  site_id VARCHAR(36) NOT NULL,
  interface_name VARCHAR(40) NOT NULL,
  access_type VARCHAR(20) NOT NULL,
  addressing VARCHAR(20) NOT NULL,
  address VARCHAR(43),
  gateway VARCHAR(39),
  public_address VARCHAR(39),
  path_label VARCHAR(40) NOT NULL,
  monthly_cost DECIMAL(12, 2),
  priority INT NOT NULL,
  CONSTRAINT uk_wan_link_site_interface UNIQUE (site_id, interface_name),
  CONSTRAINT fk_wan_link_site FOREIGN KEY (site_id) REFERENCES site (id)
);

CREATE TABLE sdwan_lan_segment (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  site_id VARCHAR(36) NOT NULL,
  name VARCHAR(60) NOT NULL,
  vlan_id INT,
  prefix VARCHAR(43) NOT NULL,
  dhcp BOOLEAN NOT NULL,
  CONSTRAINT uk_lan_segment_site_name UNIQUE (site_id, name),
  CONSTRAINT fk_lan_segment_site FOREIGN KEY (site_id) REFERENCES site (id)
);

CREATE TABLE sdwan_overlay (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  name VARCHAR(120) NOT NULL,
  topology VARCHAR(20) NOT NULL,
  tunnel_pool VARCHAR(43) NOT NULL,
  ike_version VARCHAR(20) NOT NULL,
  encryption VARCHAR(40) NOT NULL,
  dh_group VARCHAR(20) NOT NULL,
  dpd BOOLEAN NOT NULL,
  state VARCHAR(20) NOT NULL,
  failure_reason VARCHAR(2000),
  CONSTRAINT uk_overlay_tenant_name UNIQUE (tenant_id, name),
  CONSTRAINT fk_overlay_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE sdwan_overlay_member (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  overlay_id VARCHAR(36) NOT NULL,
  site_id VARCHAR(36) NOT NULL,
  hub BOOLEAN NOT NULL,
  state VARCHAR(20) NOT NULL,
  reason VARCHAR(2000),
  pending_removal LONGTEXT,
  CONSTRAINT uk_overlay_member UNIQUE (overlay_id, site_id),
  CONSTRAINT fk_overlay_member_overlay FOREIGN KEY (overlay_id) REFERENCES sdwan_overlay (id),
  CONSTRAINT fk_overlay_member_site FOREIGN KEY (site_id) REFERENCES site (id)
);

CREATE TABLE sdwan_tunnel (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  overlay_id VARCHAR(36) NOT NULL,
  tunnel_number INT NOT NULL,
  path_label VARCHAR(40) NOT NULL,
  a_site_id VARCHAR(36) NOT NULL,
  a_interface VARCHAR(40) NOT NULL,
  a_underlay VARCHAR(39) NOT NULL,
  a_address VARCHAR(39) NOT NULL,
  b_site_id VARCHAR(36) NOT NULL,
  b_interface VARCHAR(40) NOT NULL,
  b_underlay VARCHAR(39) NOT NULL,
  b_address VARCHAR(39) NOT NULL,
  psk_enc VARCHAR(500) NOT NULL,
  state VARCHAR(20) NOT NULL,
  CONSTRAINT uk_tunnel_number UNIQUE (overlay_id, tunnel_number),
  CONSTRAINT fk_tunnel_overlay FOREIGN KEY (overlay_id) REFERENCES sdwan_overlay (id)
);

CREATE TABLE sdwan_sla_profile (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  name VARCHAR(60) NOT NULL,
  max_loss_percent INT NOT NULL,
  max_rtt_ms INT NOT NULL,
  max_jitter_ms INT NOT NULL,
  preferred_path_label VARCHAR(40),
  CONSTRAINT uk_sla_profile_tenant_name UNIQUE (tenant_id, name),
  CONSTRAINT fk_sla_profile_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE sdwan_steering_rule (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  lock_version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  tenant_id VARCHAR(36) NOT NULL,
  overlay_id VARCHAR(36) NOT NULL,
  rule_order INT NOT NULL,
  application VARCHAR(60),
  dscp INT,
  sla_profile_id VARCHAR(36) NOT NULL,
  CONSTRAINT fk_steering_rule_overlay FOREIGN KEY (overlay_id) REFERENCES sdwan_overlay (id),
  CONSTRAINT fk_steering_rule_sla FOREIGN KEY (sla_profile_id) REFERENCES sdwan_sla_profile (id)
);
