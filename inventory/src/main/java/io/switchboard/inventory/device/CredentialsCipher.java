package io.switchboard.inventory.device;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for device credentials at rest. The key comes from configuration ({@code
 * switchboard.security.credentials-key}, base64 of 32 bytes); each value gets its own random nonce,
 * stored in front of the ciphertext.
 */
public final class CredentialsCipher {
  private static final int NONCE_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static volatile SecretKeySpec key;

  private CredentialsCipher() {}

  public static void configure(String base64Key) {
    byte[] raw = Base64.getDecoder().decode(base64Key);
    if (raw.length != 32) {
      throw new IllegalArgumentException(
          "switchboard.security.credentials-key must be base64 of 32 bytes, but it has "
              + raw.length);
    }
    key = new SecretKeySpec(raw, "AES");
  }

  public static boolean isConfigured() {
    return key != null;
  }

  static String encrypt(DeviceCredentials credentials) {
    return encryptText(credentials.username() + '\u0000' + credentials.password());
  }

  /** Encrypts any secret text (tunnel pre-shared keys) with the credentials key. */
  public static String encryptText(String secret) {
    byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plain);
      return Base64.getEncoder()
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

  /** Decrypts what {@link #encryptText} sealed. */
  public static String decryptText(String stored) {
    byte[] all = Base64.getDecoder().decode(stored);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(128, all, 0, NONCE_BYTES));
      return new String(
          cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot decrypt device credentials (wrong credentials key?)", e);
    }
  }

  private static SecretKeySpec requireKey() {
    if (key == null) {
      throw new IllegalStateException(
          "No credentials key configured (switchboard.security.credentials-key)");
    }
    return key;
  }
}
