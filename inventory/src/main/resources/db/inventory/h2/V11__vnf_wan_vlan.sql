-- The VLAN of a VNF's WAN side (docs/vnf.md): chosen per instance, one VNF per WAN VLAN on a device.
-- Instances created before carried the fixed 4001.
ALTER TABLE vnf_instance ADD COLUMN wan_vlan INT NOT NULL DEFAULT 4001;
ALTER TABLE vnf_instance ADD CONSTRAINT uk_vnf_instance_device_wan_vlan UNIQUE (device_id, wan_vlan);
