package io.switchboard.devices.netconf;

import static io.switchboard.devices.netconf.BaseOperations.done;

import io.switchboard.devices.config.CommitInfo;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.w3c.dom.Element;

/**
 * {@code <get-commit-information/>} ({@code show system commit}): the commit history, newest first,
 * each with its rollback number ({@code sequence-number}, 0 = the running configuration), user,
 * client ({@code cli}, {@code netconf}, {@code other}), time and comment ({@code log}).
 */
final class CommitHistoryRpcs {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private CommitHistoryRpcs() {}

  static void register(Map<String, RpcHandler> table) {
    table.put("get-commit-information", CommitHistoryRpcs::commitInformation);
  }

  private static CompletionStage<RpcReply> commitInformation(RpcRequest request) {
    List<CommitInfo> history = request.device().config().history();
    String ns = NetconfConstants.junosNamespace(request.device().software().version());
    Element information = request.element("commit-information");
    for (int n = 0; n < history.size(); n++) {
      CommitInfo commit = history.get(n);
      Element entry = request.element("commit-history");
      entry.appendChild(request.element("sequence-number", String.valueOf(n)));
      entry.appendChild(request.element("user", commit.user()));
      entry.appendChild(request.element("client", commit.client()));
      Element time = request.element("date-time", DATE_TIME.format(commit.time()));
      time.setAttributeNS(ns, "junos:seconds", String.valueOf(commit.time().getEpochSecond()));
      entry.appendChild(time);
      if (commit.log() != null && !commit.log().isBlank()) {
        entry.appendChild(request.element("log", commit.log()));
      }
      information.appendChild(entry);
    }
    return done(RpcReply.of(information));
  }
}
