package io.switchboard.inventory.device;

import java.util.List;

/**
 * A key-management hook: a bean of this type supplies the credentials key (and, during a rotation,
 * the previous keys) instead of configuration, e.g. from Vault or a cloud KMS at start-up. Keys are
 * base64 of 32 bytes.
 */
public interface CredentialsKeySource {
  /** The key that encrypts new and re-encrypted credentials. */
  String currentKey();

  /** Keys that may still decrypt stored credentials; empty when no rotation is in progress. */
  default List<String> previousKeys() {
    return List.of();
  }
}
