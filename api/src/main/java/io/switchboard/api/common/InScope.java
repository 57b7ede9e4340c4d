package io.switchboard.api.common;

import io.switchboard.api.error.ApiException;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedRepository;
import java.util.function.Predicate;

/**
 * The CRUD rules every feature service shares, written once: an object outside the caller's scope
 * is 404 (never "forbidden", which would confirm it exists), a reference to one is 422, a taken
 * unique value is a clash ({@link ApiException#clash}), and a delete that would orphan dependants
 * is 409.
 */
public final class InScope {
  private InScope() {}

  /**
   * The object with {@code id} if the caller's scope shows it; 404 naming {@code what} otherwise.
   */
  public static <T> T findOr404(
      ScopedRepository<T> repository, AccessScope scope, String what, String id) {
    return repository.find(scope, id).orElseThrow(() -> ApiException.notFound(what, id));
  }

  /**
   * Requires that a referenced object ({@code field} of the request) is visible to the caller: 422
   * "not found" otherwise, the same whether it does not exist or lies in another scope.
   */
  public static void requireReference(
      ScopedRepository<?> repository, AccessScope scope, String field, String what, String id) {
    if (id != null && !repository.isVisible(scope, id)) {
      throw ApiException.unprocessable(field, what + " '" + id + "' not found");
    }
  }

  /**
   * Requires a unique value to be free; {@code taken} is looked up only when the value changes, so
   * keeping one's own name never clashes with oneself. Callers pass only uniqueness that the caller
   * can see entirely (see the README's table); others use {@link ApiException#clash}.
   */
  public static void requireUnique(
      String current, String wanted, Predicate<String> taken, String field, String message) {
    if (!wanted.equals(current) && taken.test(wanted)) {
      throw ApiException.clash(field, true, message);
    }
  }

  /** A delete guard: 409 with {@code message} while {@code dependants} is above zero. */
  public static void requireNoDependants(long dependants, String message) {
    if (dependants > 0) {
      throw ApiException.conflict(null, message);
    }
  }
}
