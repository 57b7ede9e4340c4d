package io.switchboard.inventory.firewall;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** A list of Junos names in one column, separated by spaces (names never contain one). */
@Converter
public class NameListConverter implements AttributeConverter<List<String>, String> {
  @Override
  public String convertToDatabaseColumn(List<String> names) {
    return names == null ? "" : String.join(" ", names);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    return column == null || column.isBlank()
        ? List.of()
        : Arrays.stream(column.trim().split(" +")).toList();
  }
}
