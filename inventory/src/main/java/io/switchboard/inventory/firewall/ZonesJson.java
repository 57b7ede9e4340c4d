package io.switchboard.inventory.firewall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.inventory.firewall.model.ZoneDef;
import java.util.List;

/** A site's zones as a deployment rendered them, to and from the JSON kept on its row. */
final class ZonesJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<List<ZoneDef>> ZONES = new TypeReference<>() {};

  private ZonesJson() {}

  static String write(List<ZoneDef> zones) {
    try {
      return MAPPER.writeValueAsString(zones);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write zones", e);
    }
  }

  /** Null for null (a row written before the zones were kept). */
  static List<ZoneDef> read(String json) {
    if (json == null) {
      return null;
    }
    try {
      return List.copyOf(MAPPER.readValue(json, ZONES));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read zones", e);
    }
  }
}
