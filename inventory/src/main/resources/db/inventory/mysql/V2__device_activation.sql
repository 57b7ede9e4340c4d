-- Zero-touch provisioning: the activation secret a device presents when it phones home (bcrypt),
-- and the NETCONF port it reports.
ALTER TABLE device ADD COLUMN activation_secret_hash VARCHAR(100);
ALTER TABLE device ADD COLUMN netconf_port INT;
