package io.switchboard.camel.netconf;

/** What makes two requests able to share a session: the same device, user and hello. */
record SessionKey(DeviceConnection device, boolean offerBase11) {

  String deviceId() {
    return device.deviceId();
  }
}
