-- The name of a VNF package's day-0 file on the VNF's config drive (an ISO 9660 image, docs/vnf.md):
-- the VNFD's day0 without its folders. Packages onboarded before carry a template but no name: the
-- vSRX's bootstrap file name, which the packages so far (the demo's vSRX) were made for.
ALTER TABLE vnf_package ADD COLUMN day0_file VARCHAR(100);
UPDATE vnf_package SET day0_file = 'juniper.conf' WHERE day0_template IS NOT NULL;
