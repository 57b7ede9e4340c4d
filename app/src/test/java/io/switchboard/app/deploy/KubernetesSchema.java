package io.switchboard.app.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A manifest document read as the Kubernetes API's own types (the fabric8 model, generated from the
 * API's OpenAPI schema), without a cluster: a field the API does not have (a misspelt {@code
 * readinesProbe}), a value of the wrong type, or a quantity that does not parse is a problem named
 * by its path. The model keeps unknown fields instead of refusing them, so this walks every object
 * it read and reports what landed among its additional properties.
 */
final class KubernetesSchema {
  private static final Map<String, Class<?>> TYPES =
      Map.of(
          "v1/ConfigMap", ConfigMap.class,
          "v1/Service", Service.class,
          "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
          "apps/v1/Deployment", Deployment.class,
          "apps/v1/StatefulSet", StatefulSet.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);
  private static final String MODEL = "io.fabric8.kubernetes.api.model";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private KubernetesSchema() {}

  /** {@code document} (a parsed YAML document of a known kind) as its typed model object. */
  static Object typed(Map<String, Object> document) {
    return JSON.convertValue(
        document, TYPES.get(document.get("apiVersion") + "/" + document.get("kind")));
  }

  /** What is wrong with {@code document} (a parsed YAML document); empty when nothing is. */
  static List<String> problems(Map<String, Object> document) {
    String kind = document.get("apiVersion") + "/" + document.get("kind");
    Class<?> type = TYPES.get(kind);
    if (type == null) {
      return List.of("kind " + kind + " is not one these manifests may use");
    }
    Object typed;
    try {
      typed = JSON.convertValue(document, type);
    } catch (IllegalArgumentException e) {
      return List.of(kind + ": " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    walk(typed, kind, problems);
    return problems;
  }

  private static void walk(Object value, String path, List<String> problems) {
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", problems);
      }
      return;
    }
    if (value instanceof Map<?, ?> entries) {
      entries.forEach((key, item) -> walk(item, path + "." + key, problems));
      return;
    }
    if (value == null || !value.getClass().getName().startsWith(MODEL)) {
      return;
    }
    if (value instanceof Quantity quantity) {
      try {
        Quantity.getAmountInBytes(quantity);
      } catch (IllegalArgumentException e) {
        problems.add(path + ": quantity '" + quantity + "' does not parse");
      }
    }
    for (Class<?> c = value.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        Object fieldValue = read(field, value);
        if (field.getName().equals("additionalProperties")) {
          ((Map<?, ?>) fieldValue)
              .keySet()
              .forEach(unknown -> problems.add(path + "." + unknown + ": no such field"));
        } else {
          walk(fieldValue, path + "." + name(field), problems);
        }
      }
    }
  }

  private static String name(Field field) {
    JsonProperty property = field.getAnnotation(JsonProperty.class);
    return property != null && !property.value().isEmpty() ? property.value() : field.getName();
  }

  private static Object read(Field field, Object owner) {
    try {
      field.setAccessible(true);
      return field.get(owner);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
