-- Intended configuration parts are stored sealed with the credentials key, as tunnel pre-shared
-- keys are (docs/fleet.md): an overlay's part carries its tunnels' keys. Rows written before this
-- keep their plain lines in set_lines until their part is written again.
ALTER TABLE intended_config ADD COLUMN set_lines_enc CLOB;
ALTER TABLE intended_config ALTER COLUMN set_lines SET NULL;
