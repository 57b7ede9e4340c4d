package io.switchboard.devices.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SubtreeFilterTest {

  private static final String DATA =
      "<data><configuration><system><host-name>r1</host-name><domain-name>d</domain-name></system>"
          + "<interfaces><interface><name>ge-0/0/0</name><mtu>1500</mtu><description>wan</description></interface>"
          + "<interface><name>ge-0/0/1</name><mtu>9000</mtu></interface></interfaces></configuration></data>";

  private static String filter(String filterXml) throws Exception {
    Element data = Xml.parse(DATA).getDocumentElement();
    Element filter = Xml.parse(filterXml).getDocumentElement();
    Document out = Xml.newDocument();
    Element result = out.createElementNS(null, "result");
    out.appendChild(result);
    SubtreeFilter.apply(data, filter, result);
    return Xml.toString(result);
  }

  @Test
  void selectionNodeSelectsTheWholeSubtree() throws Exception {
    assertThat(filter("<filter><configuration><system/></configuration></filter>"))
        .isEqualTo(
            "<result><configuration><system><host-name>r1</host-name><domain-name>d</domain-name></system></configuration></result>");
  }

  @Test
  void contentMatchSelectsOneListEntry() throws Exception {
    assertThat(
            filter(
                "<filter><configuration><interfaces><interface><name>ge-0/0/1</name></interface></interfaces></configuration></filter>"))
        .isEqualTo(
            "<result><configuration><interfaces><interface><name>ge-0/0/1</name><mtu>9000</mtu></interface></interfaces></configuration></result>");
  }

  @Test
  void contentMatchWithSelectionReturnsKeysAndSelectedLeaves() throws Exception {
    assertThat(
            filter(
                "<filter><configuration><interfaces><interface><name>ge-0/0/0</name><description/></interface>"
                    + "</interfaces></configuration></filter>"))
        .isEqualTo(
            "<result><configuration><interfaces><interface><name>ge-0/0/0</name><description>wan</description>"
                + "</interface></interfaces></configuration></result>");
  }

  @Test
  void nothingMatchingSelectsNothing() throws Exception {
    assertThat(filter("<filter><configuration><snmp/></configuration></filter>"))
        .isEqualTo("<result/>");
  }
}
