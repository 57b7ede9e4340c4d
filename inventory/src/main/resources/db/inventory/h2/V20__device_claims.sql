-- Which operation holds a device (issue 16): an upgrade campaign's operation for every device it
-- does not skip, or an operation on that one device. Read and written under the device row's lock
-- (inventory.campaign.DeviceClaims), so checking and taking a device is one step; a claim lasts
-- while its operation is active.
ALTER TABLE device ADD COLUMN claimed_by_operation_id VARCHAR(36);

-- Running campaigns and active single-device operations keep the devices they hold.
UPDATE device SET claimed_by_operation_id = COALESCE(
  (SELECT MAX(c.operation_id)
     FROM campaign_device d
     JOIN upgrade_campaign c ON c.id = d.campaign_id
     JOIN operation o ON o.id = c.operation_id
    WHERE d.device_id = device.id AND d.status <> 'SKIPPED' AND o.state IN ('PENDING', 'RUNNING')),
  (SELECT MAX(o.id)
     FROM operation o
    WHERE o.active_target = CONCAT('DEVICE:', device.id) AND o.type <> 'config-compliance'));
