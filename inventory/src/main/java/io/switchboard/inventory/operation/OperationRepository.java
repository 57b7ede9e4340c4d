package io.switchboard.inventory.operation;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface OperationRepository
    extends JpaRepository<Operation, String>, JpaSpecificationExecutor<Operation> {
  /** The operation that holds a target now (at most one: {@link OperationState#ACTIVE}). */
  Optional<Operation> findFirstByTargetKindAndTargetIdAndStateIn(
      String targetKind, String targetId, Collection<OperationState> states);

  boolean existsByTargetKindAndTargetId(String targetKind, String targetId);

  /**
   * The operation, its row locked until the caller's transaction ends ({@code select ... for
   * update}): the dispatchers of several instances sharing one database take turns on it, so only
   * one of them starts its process.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select o from Operation o where o.id = :id")
  Optional<Operation> findLockedById(String id);

  /** Operations in the given states, oldest first: the dispatcher's and the tracker's work. */
  List<Operation> findByStateInOrderByCreatedAtAsc(
      Collection<OperationState> states, Pageable pageable);

  /** How many operations per type, state and attention flag (metrics). */
  @Query(
      "select o.type as type, o.state as state, o.attention as attention, count(o) as total"
          + " from Operation o group by o.type, o.state, o.attention")
  List<OperationCount> countByTypeStateAndAttention();

  /** One row of {@link #countByTypeStateAndAttention()}. */
  interface OperationCount {
    String getType();

    OperationState getState();

    boolean isAttention();

    long getTotal();
  }
}
