package io.switchboard.workflows.ztp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The variables of a {@code ztp-onboarding} instance that its jobs read; component names are the
 * variable names. Any of them may be absent (null) where the path has not set it yet.
 *
 * @param targetId the device's inventory id (set when the operation starts)
 * @param reportedSerial the serial number the device phoned home with
 * @param reportedModel the model the device phoned home with
 * @param softwareVersion the version the device runs
 * @param confirmTimeout minutes the stage-1 confirmed commit waits for its confirmation
 * @param expectedInterfaces the interfaces the site configuration sets up
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ZtpOnboardingVariables(
    String targetId,
    String reportedSerial,
    String reportedModel,
    String softwareVersion,
    Integer confirmTimeout,
    List<String> expectedInterfaces) {}
