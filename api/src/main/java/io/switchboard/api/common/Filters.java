package io.switchboard.api.common;

import org.springframework.data.jpa.domain.Specification;

/** Small building blocks for list filters; a null value means "no filter". */
public final class Filters {
  private Filters() {}

  public static <T> Specification<T> none() {
    return (root, query, cb) -> cb.conjunction();
  }

  public static <T> Specification<T> equal(String attribute, Object value) {
    return value == null ? none() : (root, query, cb) -> cb.equal(root.get(attribute), value);
  }

  public static <T> Specification<T> containsIgnoreCase(String attribute, String value) {
    return value == null || value.isBlank()
        ? none()
        : (root, query, cb) ->
            cb.like(cb.lower(root.get(attribute)), "%" + value.toLowerCase() + "%");
  }

  public static <T> Specification<T> between(
      String attribute, java.time.Instant from, java.time.Instant to) {
    Specification<T> spec = none();
    if (from != null) {
      spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get(attribute), from));
    }
    if (to != null) {
      spec = spec.and((root, query, cb) -> cb.lessThan(root.get(attribute), to));
    }
    return spec;
  }
}
