package io.switchboard.inventory.site;

public enum SiteType {
  BRANCH,
  HUB,
  DATA_CENTRE
}
