package io.switchboard.inventory.campaign;

import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which operation holds each device, decided under the device's row lock so that checking and
 * taking a device is one step: an upgrade campaign claims every device it does not skip, an
 * operation on one device claims that device, a firewall deployment every device it deploys to,
 * each in the transaction that records it. Whoever comes second waits on the lock and then sees the
 * first one's claim: two campaigns never hold one device, and an operation cannot slip onto a
 * device while a campaign over it is being started (nor a campaign onto a device an operation just
 * took).
 *
 * <p>The claim is read from the locked row itself ({@code device.claimed_by_operation_id}, V20), so
 * the answer is the latest committed one on MariaDB's repeatable read as well as on H2. A claim
 * lasts while its operation is active.
 */
@Service
public class DeviceClaims {
  /** Ids per statement: far below every database's limit on parameters. */
  private static final int CHUNK = 500;

  private final EntityManager entityManager;

  public DeviceClaims(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * A device held by an active operation: an upgrade campaign's (with its id and name) or another
   * operation's ({@code operationType} null when the operation has only just been committed).
   */
  public record Claim(
      String deviceId,
      String operationId,
      String operationType,
      String campaignId,
      String campaignName) {

    public boolean byCampaign() {
      return campaignId != null;
    }

    /** What a refused request says. */
    public String message() {
      if (byCampaign()) {
        return "device "
            + deviceId
            + " is held by upgrade campaign '"
            + campaignName
            + "' ("
            + campaignId
            + ") until the campaign ends";
      }
      return "device "
          + deviceId
          + " is busy with operation "
          + operationId
          + (operationType == null ? "" : " (" + operationType + ")")
          + "; try again when it has ended";
    }
  }

  /**
   * Locks the devices' rows (in id order, so two callers never wait on each other in a circle)
   * until the caller's transaction ends, and answers the active claims on them by device id.
   * Devices that do not exist are left out.
   */
  @Transactional
  public Map<String, Claim> lock(Collection<String> deviceIds) {
    List<String> ids = new ArrayList<>(new TreeSet<>(deviceIds));
    Map<String, Claim> claims = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i += CHUNK) {
      List<?> rows =
          entityManager
              .createNativeQuery(
                  "SELECT id, claimed_by_operation_id FROM device WHERE id IN (:ids)"
                      + " ORDER BY id FOR UPDATE")
              .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
              .getResultList();
      for (Object row : rows) {
        Object[] columns = (Object[]) row;
        if (columns[1] != null) {
          active(columns[0].toString(), columns[1].toString())
              .ifPresent(c -> claims.put(c.deviceId(), c));
        }
      }
    }
    return claims;
  }

  /**
   * Records {@code operationId} as the devices' claim, in the caller's transaction; call it after
   * {@link #lock} in the same transaction.
   */
  @Transactional
  public void claim(Collection<String> deviceIds, String operationId) {
    List<String> ids = new ArrayList<>(new TreeSet<>(deviceIds));
    for (int i = 0; i < ids.size(); i += CHUNK) {
      entityManager
          .createNativeQuery("UPDATE device SET claimed_by_operation_id = :op WHERE id IN (:ids)")
          .setParameter("op", operationId)
          .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
          .executeUpdate();
    }
  }

  /**
   * The claim if its operation is still active. Read with a lock ({@code FOR UPDATE}: MySQL's
   * {@code FOR SHARE} is not MariaDB's syntax), which reads the latest committed row on repeatable
   * read too (a plain read would answer this transaction's snapshot, taken before the claim's
   * operation was committed).
   */
  private Optional<Claim> active(String deviceId, String operationId) {
    Operation op = entityManager.find(Operation.class, operationId, LockModeType.PESSIMISTIC_WRITE);
    if (op == null) {
      // operations are never deleted: be safe and treat it as one that has just started
      return Optional.of(new Claim(deviceId, operationId, null, null, null));
    }
    if (!OperationState.ACTIVE.contains(op.getState())) {
      return Optional.empty();
    }
    if (Operation.TARGET_CAMPAIGN.equals(op.getTargetKind())) {
      UpgradeCampaign campaign =
          entityManager.find(
              UpgradeCampaign.class, op.getTargetId(), LockModeType.PESSIMISTIC_WRITE);
      return Optional.of(
          new Claim(
              deviceId,
              operationId,
              op.getType(),
              op.getTargetId(),
              campaign == null ? "…" : campaign.getName()));
    }
    return Optional.of(new Claim(deviceId, operationId, op.getType(), null, null));
  }
}
