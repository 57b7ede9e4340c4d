package io.switchboard.api.sdwan;

import io.switchboard.api.common.InScope;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.operation.OperationState;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedRepository;
import io.switchboard.inventory.scope.Visibility;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.OverlayMemberRepository;
import io.switchboard.inventory.sdwan.OverlayRepository;
import io.switchboard.inventory.sdwan.OverlayState;
import io.switchboard.inventory.sdwan.SlaProfile;
import io.switchboard.inventory.sdwan.SlaProfileRepository;
import io.switchboard.inventory.sdwan.SteeringRule;
import io.switchboard.inventory.sdwan.SteeringRuleRepository;
import io.switchboard.inventory.sdwan.TunnelRepository;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renaming and deleting overlays and SLA profiles. A name is what people read: an overlay's device
 * stanzas are named by its id, so renaming it changes nothing on a device; an SLA profile's metrics
 * are named by its name, and the next rollout or steering change of an overlay that uses it renames
 * them there. Only a DRAFT overlay (never rolled out: nothing of it on any device) with no
 * operation under way can be deleted, and only an SLA profile that no steering rule uses.
 */
@Service
public class OverlayEdits {
  /** An overlay's new name, checked as the create body checks it. */
  public record OverlayRename(@NotBlank @Size(max = 120) @SafeText String name) {}

  /** An SLA profile's new name, checked as the create body checks it. */
  public record SlaProfileRename(
      @NotBlank
          @Size(max = 60)
          @Pattern(
              regexp = "[A-Za-z0-9][A-Za-z0-9-]*",
              message = "must be letters, digits and dashes")
          String name) {}

  private final OverlayRepository overlays;
  private final OverlayMemberRepository members;
  private final TunnelRepository tunnels;
  private final SlaProfileRepository slaProfiles;
  private final SteeringRuleRepository steering;
  private final OperationRepository operations;
  private final ScopedRepository<Overlay> scopedOverlays;
  private final ScopedRepository<SlaProfile> scopedSla;

  public OverlayEdits(
      OverlayRepository overlays,
      OverlayMemberRepository members,
      TunnelRepository tunnels,
      SlaProfileRepository slaProfiles,
      SteeringRuleRepository steering,
      OperationRepository operations) {
    this.overlays = overlays;
    this.members = members;
    this.tunnels = tunnels;
    this.slaProfiles = slaProfiles;
    this.steering = steering;
    this.operations = operations;
    this.scopedOverlays = new ScopedRepository<>(overlays, Visibility::tenantOwned);
    this.scopedSla = new ScopedRepository<>(slaProfiles, Visibility::tenantOwned);
  }

  /** 404 for another tenant's overlay; 409 when the tenant has another overlay of that name. */
  @Transactional
  public Overlay renameOverlay(AccessScope scope, String id, OverlayRename rename) {
    Permissions.require(scope, Action.WRITE, Resource.NETWORK);
    Overlay overlay = InScope.findOr404(scopedOverlays, scope, "Overlay", id);
    if (!overlay.getName().equals(rename.name())
        && overlays.existsByTenantIdAndName(overlay.getTenantId(), rename.name())) {
      throw ApiException.conflict(
          "name", "the tenant has an overlay named '" + rename.name() + "' already");
    }
    overlay.setName(rename.name());
    return overlays.save(overlay);
  }

  /**
   * Deletes a DRAFT overlay with its member list and steering rules; 409 once it has been rolled
   * out (its configuration is on its sites' devices) or while an operation on it is under way.
   */
  @Transactional
  public void deleteOverlay(AccessScope scope, String id) {
    Permissions.require(scope, Action.WRITE, Resource.NETWORK);
    Overlay overlay = InScope.findOr404(scopedOverlays, scope, "Overlay", id);
    if (overlay.getState() != OverlayState.DRAFT) {
      throw ApiException.conflict(
          "state",
          "overlay '"
              + overlay.getName()
              + "' is "
              + overlay.getState()
              + ": it has been rolled out and its configuration is on its sites' devices; only a"
              + " DRAFT overlay can be deleted");
    }
    boolean busy =
        operations
            .findFirstByTargetKindAndTargetIdAndStateIn(
                Operation.TARGET_OVERLAY, id, OperationState.ACTIVE)
            .isPresent();
    if (busy) {
      throw ApiException.conflict(
          "state", "an operation on overlay '" + overlay.getName() + "' is under way");
    }
    steering.deleteByOverlayId(id);
    tunnels.deleteAll(tunnels.findByOverlayIdOrderByNumber(id));
    members.deleteAll(members.findByOverlayId(id));
    overlays.delete(overlay);
  }

  /** 404 for another tenant's profile; 409 when the tenant has another profile of that name. */
  @Transactional
  public SlaProfile renameSlaProfile(AccessScope scope, String id, SlaProfileRename rename) {
    Permissions.require(scope, Action.WRITE, Resource.NETWORK);
    SlaProfile profile = InScope.findOr404(scopedSla, scope, "SLA profile", id);
    if (!profile.getName().equals(rename.name())
        && slaProfiles.existsByTenantIdAndName(profile.getTenantId(), rename.name())) {
      throw ApiException.conflict(
          "name", "the tenant has an SLA profile named '" + rename.name() + "' already");
    }
    profile.setName(rename.name());
    return slaProfiles.save(profile);
  }

  /** Deletes an SLA profile; 409 naming the overlays whose steering rules use it. */
  @Transactional
  public void deleteSlaProfile(AccessScope scope, String id) {
    Permissions.require(scope, Action.WRITE, Resource.NETWORK);
    SlaProfile profile = InScope.findOr404(scopedSla, scope, "SLA profile", id);
    List<SteeringRule> users = steering.findAll((r, q, cb) -> cb.equal(r.get("slaProfileId"), id));
    if (!users.isEmpty()) {
      TreeSet<String> names = new TreeSet<>();
      users.forEach(
          rule -> overlays.findById(rule.getOverlayId()).ifPresent(o -> names.add(o.getName())));
      throw ApiException.conflict(
          null,
          "SLA profile '"
              + profile.getName()
              + "' is used by the steering rules of "
              + String.join(", ", names)
              + "; remove those rules first");
    }
    slaProfiles.delete(profile);
  }
}
