package io.switchboard.inventory.firewall;

import io.switchboard.inventory.firewall.model.FirewallAction;
import io.switchboard.inventory.firewall.model.RuleDef;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.List;

/** One rule of a policy as stored (its place is its position in the policy's list). */
@Embeddable
public class FirewallRule {
  @Column(nullable = false, length = 63)
  private String name;

  @Convert(converter = NameListConverter.class)
  @Column(nullable = false, length = 1000)
  private List<String> fromZones;

  @Convert(converter = NameListConverter.class)
  @Column(nullable = false, length = 1000)
  private List<String> toZones;

  @Convert(converter = NameListConverter.class)
  @Column(nullable = false, length = 4000)
  private List<String> sources;

  @Convert(converter = NameListConverter.class)
  @Column(nullable = false, length = 4000)
  private List<String> destinations;

  @Convert(converter = NameListConverter.class)
  @Column(nullable = false, length = 4000)
  private List<String> applications;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private FirewallAction action;

  @Column(nullable = false)
  private boolean logInit;

  @Column(nullable = false)
  private boolean logClose;

  @Column(name = "count_sessions", nullable = false)
  private boolean count;

  @Column(nullable = false)
  private boolean enabled;

  protected FirewallRule() {}

  public FirewallRule(RuleDef r) {
    name = r.name();
    fromZones = r.fromZones();
    toZones = r.toZones();
    sources = r.sources();
    destinations = r.destinations();
    applications = r.applications();
    action = r.action();
    logInit = r.logInit();
    logClose = r.logClose();
    count = r.count();
    enabled = r.enabled();
  }

  public RuleDef definition() {
    return new RuleDef(
        name,
        fromZones,
        toZones,
        sources,
        destinations,
        applications,
        action,
        logInit,
        logClose,
        count,
        enabled);
  }
}
