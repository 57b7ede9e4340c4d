package io.switchboard.devices.vnf;

import io.switchboard.devices.config.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Element;

/**
 * The day-0 configuration of a simulated uCPE's VNFs, passed as on Junos-on-NFX: a file on the
 * device attached to the VNF as a config drive ({@code virtual-network-functions NAME storage DEV
 * type cdrom source file PATH}), which the VNF reads when it boots. The simulator keeps the text of
 * files written by {@code file-put}; a VNF's effective day-0 configuration is its drive's text at
 * the start of its boot (a real NFX wants the file as an ISO image; the simulator reads it as
 * text).
 */
final class Day0Drives {
  private final Map<String, String> contents = new ConcurrentHashMap<>();

  void put(String path, String content) {
    contents.put(path, content);
  }

  void remove(String path) {
    contents.remove(path);
  }

  /** The files a VNF's configuration attaches as CD-ROM drives, in configuration order. */
  static List<String> sourcesOf(Element vnf) {
    List<String> sources = new ArrayList<>();
    for (Element storage : Xml.children(vnf, "storage")) {
      Element type = Xml.child(storage, "type");
      if (type == null) {
        continue;
      }
      // Junos XML has <type>cdrom</type><source>; set commands parsed without a schema nest
      // <type><cdrom><source> (the simulator knows no leaf types)
      Element cdrom = Xml.child(type, "cdrom");
      Element source =
          cdrom != null
              ? Xml.child(cdrom, "source")
              : "cdrom".equals(Xml.text(type)) ? Xml.child(storage, "source") : null;
      String file = source == null ? null : Xml.childText(source, "file");
      if (file != null) {
        sources.add(file);
      }
    }
    return sources;
  }

  /** What the VNF would read as its day-0 configuration now: its first drive's text, if any. */
  Optional<String> day0Of(Element vnf) {
    return sourcesOf(vnf).stream().map(contents::get).filter(c -> c != null).findFirst();
  }
}
