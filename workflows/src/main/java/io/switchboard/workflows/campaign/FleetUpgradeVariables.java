package io.switchboard.workflows.campaign;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The variables of a {@code fleet-upgrade} instance that its jobs read; component names are the
 * variable names. Absent where the path has not set them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FleetUpgradeVariables(
    String campaignId,
    Integer waveNumber,
    List<String> deviceIds,
    List<Map<String, Object>> waveResults,
    String stopKind,
    String stopReason) {}
