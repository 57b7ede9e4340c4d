package io.switchboard.inventory.device;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for device credentials at rest. The current key ({@code
 * switchboard.security.credentials-key}, base64 of 32 bytes) encrypts; it and any previous keys
 * (during a rotation) decrypt. Each value gets its own random nonce, stored in front of the
 * ciphertext, and names its key: {@code v2:<key id>:<base64>}, the key id being the first 8 hex
 * digits of the key's SHA-256. Values written before key ids existed (plain base64) are tried with
 * every key.
 */
public final class CredentialsCipher {
  private static final int NONCE_BYTES = 12;
  private static final String PREFIX = "v2:";
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Keys(String currentId, Map<String, SecretKeySpec> byId) {
    SecretKeySpec current() {
      return byId.get(currentId);
    }
  }

  private static volatile Keys keys;

  private CredentialsCipher() {}

  public static void configure(String base64Key) {
    configure(base64Key, List.of());
  }

  /** The key that encrypts, and the keys that may still decrypt (a rotation in progress). */
  public static void configure(String currentBase64Key, List<String> previousBase64Keys) {
    Map<String, SecretKeySpec> byId = new LinkedHashMap<>();
    SecretKeySpec current = key(currentBase64Key);
    String currentId = idOf(current);
    byId.put(currentId, current);
    for (String previous : previousBase64Keys) {
      if (previous != null && !previous.isBlank()) {
        SecretKeySpec spec = key(previous.strip());
        byId.putIfAbsent(idOf(spec), spec);
      }
    }
    keys = new Keys(currentId, byId);
  }

  private static SecretKeySpec key(String base64Key) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a credentials key must be base64 of 32 bytes");
    }
    if (raw.length != 32) {
      throw new IllegalArgumentException(
          "switchboard.security.credentials-key must be base64 of 32 bytes, but it has "
              + raw.length);
    }
    return new SecretKeySpec(raw, "AES");
  }

  private static String idOf(SecretKeySpec key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean isConfigured() {
    return keys != null;
  }

  /** The current key's id (what new values name). */
  public static String currentKeyId() {
    return requireKeys().currentId();
  }

  /** Whether keys other than the current one are configured (a rotation is in progress). */
  public static boolean hasPreviousKeys() {
    Keys now = keys;
    return now != null && now.byId().size() > 1;
  }

  /** Whether a stored value is encrypted under the current key (no re-encryption needed). */
  public static boolean isUnderCurrentKey(String stored) {
    return stored.startsWith(PREFIX + requireKeys().currentId() + ":");
  }

  /** The stored value (credentials or secret text) encrypted again under the current key. */
  static String reencrypt(String stored) {
    return encryptText(decryptText(stored));
  }

  static String encrypt(DeviceCredentials credentials) {
    return encryptText(credentials.username() + '\u0000' + credentials.password());
  }

  /** Encrypts any secret text (tunnel pre-shared keys) with the current credentials key. */
  public static String encryptText(String secret) {
    Keys now = requireKeys();
    byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, now.current(), new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plain);
      return PREFIX
          + now.currentId()
          + ':'
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt device credentials", e);
    }
  }

  static DeviceCredentials decrypt(String stored) {
    String plain = decryptText(stored);
    int split = plain.indexOf('\u0000');
    return new DeviceCredentials(plain.substring(0, split), plain.substring(split + 1));
  }

  /** Decrypts what {@link #encryptText} sealed, under the current or a previous key. */
  public static String decryptText(String stored) {
    Keys now = requireKeys();
    List<SecretKeySpec> candidates = new ArrayList<>();
    String body = stored;
    if (stored.startsWith(PREFIX)) {
      int colon = stored.indexOf(':', PREFIX.length());
      String id = colon < 0 ? "" : stored.substring(PREFIX.length(), colon);
      SecretKeySpec key = now.byId().get(id);
      if (key == null) {
        throw new IllegalStateException(
            "Cannot decrypt device credentials: they are under key "
                + id
                + ", which is not configured (current or previous credentials key)");
      }
      candidates.add(key);
      body = stored.substring(colon + 1);
    } else {
      candidates.addAll(now.byId().values());
    }
    byte[] all = Base64.getDecoder().decode(body);
    GeneralSecurityException last = null;
    for (SecretKeySpec key : candidates) {
      try {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
        return new String(
            cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw new IllegalStateException(
        "Cannot decrypt device credentials (wrong credentials key?)", last);
  }

  private static Keys requireKeys() {
    Keys now = keys;
    if (now == null) {
      throw new IllegalStateException(
          "No credentials key configured (switchboard.security.credentials-key)");
    }
    return now;
  }
}
