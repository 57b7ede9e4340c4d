package io.switchboard.inventory.sdwan;

import io.switchboard.inventory.device.CredentialsCipher;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a secret (a tunnel's pre-shared key) encrypted with the device-credentials key. */
@Converter
public class SecretTextConverter implements AttributeConverter<String, String> {
  @Override
  public String convertToDatabaseColumn(String secret) {
    return secret == null ? null : CredentialsCipher.encryptText(secret);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return stored == null ? null : CredentialsCipher.decryptText(stored);
  }
}
