package io.switchboard.api.architecturefixture;

import io.switchboard.workers.device.DeviceDriver;

/** A design error on purpose, for {@code ModuleRulesTest}: the API calling a worker's driver. */
public class ApiReachingIntoWorkers {
  DeviceDriver driver;
}
