-- The SLA figures last measured over each tunnel (RPM probes of both ends, the worse end counts):
-- what its SLA state against the overlay's SLA profiles and the steering check are computed from.
ALTER TABLE sdwan_tunnel ADD COLUMN sla_loss_percent DOUBLE;
ALTER TABLE sdwan_tunnel ADD COLUMN sla_rtt_ms DOUBLE;
ALTER TABLE sdwan_tunnel ADD COLUMN sla_jitter_ms DOUBLE;
ALTER TABLE sdwan_tunnel ADD COLUMN sla_measured_at DATETIME(6);
