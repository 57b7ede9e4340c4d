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
  USERS
}
