-- History retention selects ended process instances by their end date.
CREATE INDEX ix_ehpi_end ON engine_history_process_instance (end_date);
