package io.switchboard.inventory.device;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Encrypts credentials on the way into the database and decrypts them on the way out. */
@Converter
public class CredentialsConverter implements AttributeConverter<DeviceCredentials, String> {
  @Override
  public String convertToDatabaseColumn(DeviceCredentials credentials) {
    return credentials == null ? null : CredentialsCipher.encrypt(credentials);
  }

  @Override
  public DeviceCredentials convertToEntityAttribute(String stored) {
    return stored == null ? null : CredentialsCipher.decrypt(stored);
  }
}
