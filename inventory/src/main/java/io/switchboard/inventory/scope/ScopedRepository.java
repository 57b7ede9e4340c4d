package io.switchboard.inventory.scope;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * A repository seen through an access scope: every lookup carries the scope's visibility predicate,
 * so callers cannot forget it and out-of-scope objects look absent.
 */
public final class ScopedRepository<T> {
  private final JpaSpecificationExecutor<T> repository;
  private final Function<AccessScope, Specification<T>> visibility;

  public ScopedRepository(
      JpaSpecificationExecutor<T> repository, Function<AccessScope, Specification<T>> visibility) {
    this.repository = repository;
    this.visibility = visibility;
  }

  public Optional<T> find(AccessScope scope, String id) {
    if (id == null) {
      return Optional.empty();
    }
    Specification<T> byId = (root, query, cb) -> cb.equal(root.get("id"), id);
    return repository.findOne(visibility.apply(scope).and(byId));
  }

  public Page<T> page(AccessScope scope, Specification<T> filter, Pageable pageable) {
    return repository.findAll(visibility.apply(scope).and(filter), pageable);
  }

  public boolean isVisible(AccessScope scope, String id) {
    return find(scope, id).isPresent();
  }
}
