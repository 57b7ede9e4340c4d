package io.switchboard.inventory.firewall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.inventory.firewall.model.PolicySnapshot;

/** A version's snapshot to and from the JSON stored with it. */
public final class SnapshotJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private SnapshotJson() {}

  public static String write(PolicySnapshot snapshot) {
    try {
      return MAPPER.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a policy snapshot", e);
    }
  }

  public static PolicySnapshot read(String json) {
    try {
      return MAPPER.readValue(json, PolicySnapshot.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a policy snapshot", e);
    }
  }
}
