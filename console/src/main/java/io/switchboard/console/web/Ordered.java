package io.switchboard.console.web;

import io.switchboard.api.error.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list edited one step at a time (steering rules, firewall rules): the API replaces the
 * whole list, so the page sends it back with one entry moved or removed. A position that is not in
 * the list is "not found", as the API answers for a missing object.
 */
public final class Ordered {
  private Ordered() {}

  /** The list with the entry at {@code index} swapped with the one before it. */
  public static <T> List<T> movedUp(List<T> list, int index) {
    require(list, index);
    List<T> moved = new ArrayList<>(list);
    if (index > 0) {
      moved.set(index, list.get(index - 1));
      moved.set(index - 1, list.get(index));
    }
    return moved;
  }

  /** The list without the entry at {@code index}. */
  public static <T> List<T> removed(List<T> list, int index) {
    require(list, index);
    List<T> rest = new ArrayList<>(list);
    rest.remove(index);
    return rest;
  }

  private static void require(List<?> list, int index) {
    if (index < 0 || index >= list.size()) {
      throw ApiException.notFound("Rule", String.valueOf(index + 1));
    }
  }
}
