package io.switchboard.inventory.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * Sets up the device-credentials key: {@code switchboard.security.credentials-key} in production;
 * on the embedded default a key generated once and kept in the data folder, so credentials survive
 * restarts without anyone having to invent a key.
 */
@Configuration
public class CredentialsKeyConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(CredentialsKeyConfiguration.class);

  public CredentialsKeyConfiguration(
      @Value("${switchboard.security.credentials-key:}") String configuredKey,
      @Value("${switchboard.data-dir:./data}") String dataDir) {
    if (!configuredKey.isBlank()) {
      CredentialsCipher.configure(configuredKey);
      return;
    }
    CredentialsCipher.configure(keyFromFile(Path.of(dataDir, "credentials.key")));
  }

  private static String keyFromFile(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      Files.createDirectories(file.getParent());
      byte[] raw = new byte[32];
      new SecureRandom().nextBytes(raw);
      String key = Base64.getEncoder().encodeToString(raw);
      Files.writeString(file, key);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system; the folder's own permissions apply
      }
      LOG.warn(
          "No switchboard.security.credentials-key set: generated one in {}. Back it up with the"
              + " database; set the property in production.",
          file.toAbsolutePath());
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the credentials key " + file, e);
    }
  }
}
