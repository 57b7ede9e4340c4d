package io.switchboard.inventory.device;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The second half of a credentials-key rotation: when previous keys are configured, re-encrypts
 * every stored secret sealed with the credentials key ({@link #COLUMNS}: device credentials, tunnel
 * pre-shared keys, intended configuration parts, VNF instances' secret day-0 parameters) that is
 * not under the current key, in the background after start-up, a batch at a time, each row by
 * compare-and-set (a credential changed meanwhile is left to its new writer, already under the
 * current key). Devices stay reachable throughout, because every configured key still decrypts.
 */
@Component
public class CredentialsReencryption {
  private static final Logger LOG = LoggerFactory.getLogger(CredentialsReencryption.class);
  private static final int BATCH = 100;

  private final JdbcTemplate jdbc;

  public CredentialsReencryption(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  void afterStart() {
    if (!CredentialsCipher.hasPreviousKeys()) {
      return;
    }
    Thread thread = new Thread(this::reencryptQuietly, "switchboard-credentials-reencryption");
    thread.setDaemon(true);
    thread.start();
  }

  private void reencryptQuietly() {
    try {
      reencryptAll();
    } catch (RuntimeException e) {
      LOG.warn(
          "Re-encrypting device credentials stopped: {}; the next start resumes", e.toString());
    }
  }

  /** Table and column of every value {@link CredentialsCipher} seals; each table has an id. */
  static final List<String[]> COLUMNS =
      List.of(
          new String[] {"device", "credentials_enc"},
          new String[] {"sdwan_tunnel", "psk_enc"},
          new String[] {"intended_config", "set_lines_enc"},
          new String[] {"vnf_instance", "day0_secrets_enc"});

  /**
   * Re-encrypts what is not under the current key.
   *
   * @return how many values were re-encrypted
   */
  public int reencryptAll() {
    int done = 0;
    for (String[] column : COLUMNS) {
      done += reencrypt(column[0], column[1]);
    }
    LOG.info(
        "Re-encrypted {} stored secrets under the current credentials key {}",
        done,
        CredentialsCipher.currentKeyId());
    return done;
  }

  private int reencrypt(String table, String column) {
    int done = 0;
    String after = "";
    while (true) {
      // getString, not getObject: a sealed part is a CLOB on H2
      List<String[]> rows =
          jdbc.query(
              "SELECT id, "
                  + column
                  + " FROM "
                  + table
                  + " WHERE "
                  + column
                  + " IS NOT NULL AND id > ? ORDER BY id LIMIT "
                  + BATCH,
              (rs, n) -> new String[] {rs.getString(1), rs.getString(2)},
              after);
      if (rows.isEmpty()) {
        return done;
      }
      for (String[] row : rows) {
        String id = row[0];
        String stored = row[1];
        after = id;
        if (CredentialsCipher.isUnderCurrentKey(stored)) {
          continue;
        }
        done +=
            jdbc.update(
                "UPDATE " + table + " SET " + column + " = ? WHERE id = ? AND " + column + " = ?",
                CredentialsCipher.reencrypt(stored),
                id,
                stored);
      }
    }
  }
}
