package io.switchboard.inventory.campaign;

/** A device that a running upgrade campaign holds: no other operation may change it meanwhile. */
public record CampaignHold(String deviceId, String campaignId, String campaignName) {

  /** What a refused request says. */
  public String message() {
    return "device "
        + deviceId
        + " is held by upgrade campaign '"
        + campaignName
        + "' ("
        + campaignId
        + ") until the campaign ends";
  }
}
