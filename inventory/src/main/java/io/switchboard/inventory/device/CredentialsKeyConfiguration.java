package io.switchboard.inventory.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * Sets up the device-credentials key, first found wins: a {@link CredentialsKeySource} bean (a
 * key-management hook); {@code switchboard.security.credentials-key-file} (a file holding the
 * base64 key, e.g. a mounted secret); {@code switchboard.security.credentials-key} (the value, e.g.
 * from {@code SWITCHBOARD_CREDENTIALS_KEY}); on the embedded default a key generated once and kept
 * in the data folder, so credentials survive restarts without anyone having to invent a key.
 * Previous keys (a rotation, docs/production.md) come from {@code
 * switchboard.security.credentials-previous-keys} (comma-separated) and {@code
 * switchboard.security.credentials-previous-keys-file} (one per line).
 */
@Configuration
public class CredentialsKeyConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(CredentialsKeyConfiguration.class);

  public CredentialsKeyConfiguration(
      @Value("${switchboard.security.credentials-key:}") String configuredKey,
      @Value("${switchboard.security.credentials-key-file:}") String keyFile,
      @Value("${switchboard.security.credentials-previous-keys:}") String previousKeys,
      @Value("${switchboard.security.credentials-previous-keys-file:}") String previousKeysFile,
      @Value("${switchboard.data-dir:./data}") String dataDir,
      ObjectProvider<CredentialsKeySource> keySource) {
    CredentialsKeySource source = keySource.getIfAvailable();
    List<String> previous = new ArrayList<>();
    String current;
    if (source != null) {
      current = source.currentKey();
      previous.addAll(source.previousKeys());
    } else if (!keyFile.isBlank()) {
      current = read(Path.of(keyFile)).strip();
    } else if (!configuredKey.isBlank()) {
      current = configuredKey;
    } else {
      current = keyFromFile(Path.of(dataDir, "credentials.key"));
    }
    if (!previousKeys.isBlank()) {
      previous.addAll(Arrays.asList(previousKeys.split(",")));
    }
    if (!previousKeysFile.isBlank()) {
      previous.addAll(read(Path.of(previousKeysFile)).lines().toList());
    }
    CredentialsCipher.configure(current, previous);
    if (CredentialsCipher.hasPreviousKeys()) {
      LOG.info(
          "Credentials key {} is current; previous keys still decrypt until every credential is"
              + " re-encrypted",
          CredentialsCipher.currentKeyId());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the credentials key file " + file, e);
    }
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
