package io.switchboard.devices.vnf;

import io.switchboard.devices.config.Xml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Element;

/**
 * The day-0 configuration of a simulated uCPE's VNFs, passed as on Junos-on-NFX: a file on the
 * device attached to the VNF as a config drive ({@code virtual-network-functions NAME storage DEV
 * type cdrom source file PATH}), which the VNF reads when it boots. The simulator keeps the bytes
 * of files written by {@code file-put}; a drive must be an ISO 9660 image ({@link Iso9660Reader}),
 * and a VNF's effective day-0 configuration is the text of its drive's first file at the start of
 * its boot.
 */
final class Day0Drives {
  private final Map<String, byte[]> contents = new ConcurrentHashMap<>();

  void put(String path, byte[] content) {
    contents.put(path, content.clone());
  }

  /**
   * Why the file at {@code path} cannot be a config drive, null when it can: an ISO 9660 image
   * holding at least one file.
   */
  String notADrive(String path) {
    byte[] image = contents.get(path);
    if (image == null) {
      return "is not an ISO 9660 image (not written by file-put)";
    }
    try {
      return Iso9660Reader.files(image).isEmpty() ? "is an ISO 9660 image without files" : null;
    } catch (Iso9660Reader.NotAnIsoImageException e) {
      return "is not an ISO 9660 image: " + e.getMessage();
    }
  }

  void remove(String path) {
    contents.remove(path);
  }

  /** The files of the image at {@code path}, empty when it is none or not an ISO 9660 image. */
  Map<String, byte[]> filesOf(String path) {
    byte[] image = contents.get(path);
    try {
      return image == null ? Map.of() : Iso9660Reader.files(image);
    } catch (Iso9660Reader.NotAnIsoImageException e) {
      return Map.of();
    }
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

  /**
   * cloud-init's instance metadata beside the day-0 file (as NoCloud reads a config drive): not the
   * VNF's configuration.
   */
  static final String META_DATA = "meta-data";

  /**
   * What the VNF would read as its day-0 configuration now: the text of the first file but {@code
   * meta-data} on its first drive that is a readable image, if any.
   */
  Optional<String> day0Of(Element vnf) {
    for (String source : sourcesOf(vnf)) {
      byte[] image = contents.get(source);
      if (image == null) {
        continue;
      }
      try {
        Optional<byte[]> first =
            Iso9660Reader.files(image).entrySet().stream()
                .filter(f -> !META_DATA.equals(f.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
        if (first.isPresent()) {
          return Optional.of(new String(first.get(), StandardCharsets.UTF_8));
        }
      } catch (Iso9660Reader.NotAnIsoImageException e) {
        // the commit check refuses such a drive; one put under a committed VNF is not read
      }
    }
    return Optional.empty();
  }
}
