-- Per-instance day-0 parameters (docs/vnf.md): what a package's VNFD declares (YAML), and per
-- instance the values its last instantiation gave, plain ones as YAML and secret ones sealed with
-- the credentials key, as tunnel pre-shared keys are (re-sealed at a key rotation with them).
ALTER TABLE vnf_package ADD COLUMN day0_parameters LONGTEXT;
ALTER TABLE vnf_instance ADD COLUMN day0_values LONGTEXT;
ALTER TABLE vnf_instance ADD COLUMN day0_secrets_enc LONGTEXT;
