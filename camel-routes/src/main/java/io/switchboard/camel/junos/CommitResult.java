package io.switchboard.camel.junos;

import io.switchboard.netconf.error.RpcError;
import java.util.List;

/** A successful commit or commit check, with the device's warnings. */
public record CommitResult(boolean checkOnly, List<RpcError> warnings) {}
