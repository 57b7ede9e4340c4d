package io.switchboard.workflows.upgrade;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The variables of a {@code device-upgrade} instance that its jobs read; component names are the
 * variable names.
 *
 * @param targetId the device's inventory id
 * @param targetSoftwareVersion the version to install
 * @param previousLifecycle the device's lifecycle state before the upgrade, set by the pre-checks
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceUpgradeVariables(
    String targetId, String targetSoftwareVersion, String previousLifecycle) {}
