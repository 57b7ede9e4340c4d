package io.switchboard.camel.junos;

import io.switchboard.netconf.error.RpcError;
import java.util.List;

/** A successful load: the candidate changed; warnings the device gave, if any. */
public record LoadResult(List<RpcError> warnings) {}
