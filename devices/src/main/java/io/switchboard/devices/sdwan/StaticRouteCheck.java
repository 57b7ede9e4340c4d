package io.switchboard.devices.sdwan;

import io.switchboard.devices.config.ConfigCheck;
import io.switchboard.devices.config.ConfigException;
import io.switchboard.devices.config.ConfigTree;
import io.switchboard.devices.config.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The commit check Junos runs on static routes: a route must say where its traffic goes (a
 * next-hop, a qualified-next-hop, or discard, reject, receive, next-table); a {@code route P} left
 * with none, as deleting its last next hop one by one leaves it, is refused.
 */
public final class StaticRouteCheck implements ConfigCheck {
  private static final Set<String> DESTINATIONS =
      Set.of("next-hop", "qualified-next-hop", "discard", "reject", "receive", "next-table");

  @Override
  public void check(Element configuration) throws ConfigException {
    List<Element> tables = new ArrayList<>();
    tables.add(configuration);
    Element instances = Xml.child(configuration, "routing-instances");
    if (instances != null) {
      tables.addAll(Xml.children(instances, "instance"));
    }
    for (Element table : tables) {
      Element statics = Xml.path(table, "routing-options", "static");
      if (statics == null) {
        continue;
      }
      for (Element route : Xml.children(statics, "route")) {
        boolean routed =
            Xml.children(route).stream().anyMatch(c -> DESTINATIONS.contains(Xml.name(c)));
        if (!routed) {
          String name = Xml.childText(route, ConfigTree.KEY);
          String where =
              table == configuration
                  ? ""
                  : "routing-instances " + Xml.childText(table, ConfigTree.KEY) + " ";
          throw ConfigCheck.failure(
              "[edit " + where + "routing-options static]",
              "route " + name,
              "Missing mandatory statement: 'next-hop' or 'qualified-next-hop' or 'discard'"
                  + " or 'reject' or 'receive' or 'next-table'");
        }
      }
    }
  }
}
