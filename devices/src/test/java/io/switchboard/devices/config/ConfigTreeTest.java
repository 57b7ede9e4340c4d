package io.switchboard.devices.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ConfigTreeTest {

  static Element parse(String xml) throws XmlException {
    Element root = Xml.parse(xml).getDocumentElement();
    return Xml.copyAsDocument(Xml.copyWithoutNamespaces(Xml.newDocument(), root))
        .getDocumentElement();
  }

  private static String edit(String target, String source, EditOperation op) throws Exception {
    Element t = parse(target);
    ConfigTree.edit(t, parse(source), op);
    return Xml.toString(t);
  }

  @Test
  void mergeAddsNewListEntriesAndUpdatesLeavesByKey() throws Exception {
    String result =
        edit(
            "<configuration><interfaces><interface><name>ge-0/0/0</name><mtu>1500</mtu></interface></interfaces></configuration>",
            "<configuration><interfaces><interface><name>ge-0/0/0</name><mtu>9000</mtu></interface>"
                + "<interface><name>ge-0/0/1</name></interface></interfaces></configuration>",
            EditOperation.MERGE);
    assertThat(result)
        .isEqualTo(
            "<configuration><interfaces>"
                + "<interface><name>ge-0/0/0</name><mtu>9000</mtu></interface>"
                + "<interface><name>ge-0/0/1</name></interface></interfaces></configuration>");
  }

  @Test
  void replaceSwapsTheWholeSubtree() throws Exception {
    String result =
        edit(
            "<configuration><system><host-name>a</host-name><domain-name>x</domain-name></system></configuration>",
            "<configuration><system operation=\"replace\"><host-name>b</host-name></system></configuration>",
            EditOperation.MERGE);
    assertThat(result)
        .isEqualTo("<configuration><system><host-name>b</host-name></system></configuration>");
  }

  @Test
  void namespacedOperationAttributeIsHonoured() throws Exception {
    String result =
        edit(
            "<configuration><system><host-name>a</host-name><domain-name>x</domain-name></system></configuration>",
            "<configuration xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><system><domain-name nc:operation=\"delete\"/></system></configuration>",
            EditOperation.MERGE);
    assertThat(result)
        .isEqualTo("<configuration><system><host-name>a</host-name></system></configuration>");
  }

  @Test
  void deleteOfAMissingNodeIsDataMissingButRemoveIsSilent() throws Exception {
    assertThatThrownBy(
            () ->
                edit(
                    "<configuration/>",
                    "<configuration><system operation=\"delete\"/></configuration>",
                    EditOperation.MERGE))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.errorTag()).isEqualTo("data-missing"));
    assertThat(
            edit(
                "<configuration/>",
                "<configuration><system operation=\"remove\"/></configuration>",
                EditOperation.MERGE))
        .isEqualTo("<configuration/>");
  }

  @Test
  void createOfAnExistingNodeIsDataExists() {
    assertThatThrownBy(
            () ->
                edit(
                    "<configuration><system/></configuration>",
                    "<configuration><system operation=\"create\"/></configuration>",
                    EditOperation.MERGE))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.errorTag()).isEqualTo("data-exists"));
  }

  @Test
  void junosDeleteAndReplaceAttributesWork() throws Exception {
    String result =
        edit(
            "<configuration><interfaces><interface><name>ge-0/0/1</name></interface>"
                + "<interface><name>ge-0/0/2</name><mtu>1</mtu></interface></interfaces></configuration>",
            "<configuration><interfaces><interface delete=\"delete\"><name>ge-0/0/1</name></interface>"
                + "<interface replace=\"replace\"><name>ge-0/0/2</name><description>d</description></interface>"
                + "<interface delete=\"delete\"><name>ge-0/0/9</name></interface></interfaces></configuration>",
            EditOperation.MERGE);
    assertThat(result)
        .isEqualTo(
            "<configuration><interfaces>"
                + "<interface><name>ge-0/0/2</name><description>d</description></interface></interfaces></configuration>");
  }

  @Test
  void defaultOperationNoneOnlyAppliesExplicitOperations() throws Exception {
    String result =
        edit(
            "<configuration><system><host-name>a</host-name></system></configuration>",
            "<configuration><system><host-name>ignored</host-name><domain-name operation=\"create\">d</domain-name></system>"
                + "<snmp><location>ignored</location></snmp></configuration>",
            EditOperation.NONE);
    assertThat(result)
        .isEqualTo(
            "<configuration><system><host-name>a</host-name><domain-name>d</domain-name></system></configuration>");
  }

  @Test
  void leafListsMatchByValue() throws Exception {
    String result =
        edit(
            "<configuration><system><name-server>1.1.1.1</name-server><name-server>8.8.8.8</name-server></system></configuration>",
            "<configuration><system><name-server operation=\"delete\">8.8.8.8</name-server></system></configuration>",
            EditOperation.MERGE);
    assertThat(result)
        .isEqualTo(
            "<configuration><system><name-server>1.1.1.1</name-server></system></configuration>");
  }

  @Test
  void defaultOperationReplaceReplacesTheDatastore() throws Exception {
    assertThat(
            edit(
                "<configuration><system/><snmp/></configuration>",
                "<configuration><snmp><x>1</x></snmp></configuration>",
                EditOperation.REPLACE))
        .isEqualTo("<configuration><snmp><x>1</x></snmp></configuration>");
  }
}
