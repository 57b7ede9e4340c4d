package io.switchboard.api.security;

/** Families of API objects, as the permission table groups them. */
public enum Resource {
  OPCOS,
  TENANTS,
  SITES,
  DEVICES,
  DEVICE_MODELS,
  IMAGES,
  OPERATIONS,
  USERS,
  /** SD-WAN: WAN links, LAN segments, overlays, tunnels, SLA profiles, steering rules. */
  NETWORK,
  /** Firewall: address objects and groups, applications, zones, policies and their versions. */
  FIREWALL,
  /** The provider's VNF package catalogue. */
  VNF_PACKAGES,
  /** VNF instances and their lifecycle operation occurrences. */
  VNF_INSTANCES,
  /** Fleet upgrade campaigns. */
  CAMPAIGNS,
  /** Intended configuration, compliance reports and their repair. */
  COMPLIANCE
}
