package io.switchboard.devices.netconf;

import io.switchboard.devices.config.CommitInfo;
import io.switchboard.devices.config.Datastore;
import io.switchboard.devices.config.SubtreeFilter;
import io.switchboard.devices.config.Xml;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Configuration data in replies, decorated like Junos ({@code junos:commit-user} etc.). */
final class ConfigReplies {

  private static final DateTimeFormatter LOCALTIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private ConfigReplies() {}

  /**
   * The datastore's {@code configuration}, filtered by the children of {@code filter} (a subtree
   * filter whose top element is {@code configuration}; bare statements are accepted too), or whole
   * when {@code filter} is null.
   */
  static Element configuration(RpcRequest request, Datastore datastore, Element filter) {
    Document doc = request.replyDocument();
    Element stored = request.device().config().read(datastore);
    Element result;
    if (filter == null) {
      result = (Element) doc.importNode(stored, true);
    } else {
      Element wrapper = doc.createElementNS(null, "data");
      Element data = doc.createElementNS(null, "data");
      data.appendChild(doc.importNode(stored, true));
      Element effective = filter;
      if (Xml.children(filter).stream().noneMatch(c -> "configuration".equals(Xml.name(c)))) {
        effective = doc.createElementNS(null, "filter");
        Element configuration = Xml.append(effective, "configuration");
        for (Element child : Xml.children(filter)) {
          configuration.appendChild(doc.importNode(child, true));
        }
        if (Xml.children(filter).isEmpty()) {
          effective.removeChild(configuration);
        }
      }
      SubtreeFilter.apply(data, effective, wrapper);
      Element selected = Xml.child(wrapper, "configuration");
      result = selected != null ? selected : doc.createElementNS(null, "configuration");
    }
    decorate(request, result);
    return result;
  }

  static void decorate(RpcRequest request, Element configuration) {
    CommitInfo last = request.device().config().lastCommit();
    String ns = NetconfConstants.junosNamespace(request.device().software().version());
    configuration.setAttributeNS(
        ns, "junos:commit-seconds", String.valueOf(last.time().getEpochSecond()));
    configuration.setAttributeNS(ns, "junos:commit-localtime", LOCALTIME.format(last.time()));
    configuration.setAttributeNS(ns, "junos:commit-user", last.user());
  }
}
