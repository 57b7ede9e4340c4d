package io.switchboard.api.common;

import io.switchboard.api.error.ApiException;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Validates paging and sorting so a bad request gets a 400 naming the parameter, not a 500. The raw
 * {@code page} and {@code size} are checked earlier by {@link PagingLimits}.
 */
public final class Paging {
  public static final int MAX_SIZE = 200;

  /** The page size when the request gives none (Spring Data's default). */
  public static final int DEFAULT_SIZE = 20;

  private Paging() {}

  public static Pageable of(Pageable requested, Set<String> sortable, Sort defaultSort) {
    if (requested.getPageSize() > MAX_SIZE) {
      throw ApiException.invalid("size", "must be from 1 to " + MAX_SIZE);
    }
    if ((long) requested.getPageNumber() * requested.getPageSize() > Integer.MAX_VALUE) {
      throw ApiException.invalid("page", "is past the last possible page for this size");
    }
    for (Sort.Order order : requested.getSort()) {
      if (!sortable.contains(order.getProperty())) {
        throw ApiException.invalid(
            "sort", "cannot sort by '" + order.getProperty() + "'; allowed: " + sortable);
      }
    }
    Sort sort =
        requested.getSort().isSorted()
            ? requested.getSort().and(Sort.by("id"))
            : defaultSort.and(Sort.by("id"));
    return PageRequest.of(requested.getPageNumber(), requested.getPageSize(), sort);
  }
}
