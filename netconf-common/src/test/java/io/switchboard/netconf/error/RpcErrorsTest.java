package io.switchboard.netconf.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.netconf.NetconfProtocol;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class RpcErrorsTest {

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String serialize(Document doc) throws Exception {
    var transformer = TransformerFactory.newInstance().newTransformer();
    transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    StringWriter out = new StringWriter();
    transformer.transform(new DOMSource(doc), new StreamResult(out));
    return out.toString();
  }

  @Test
  void readsEveryFieldOfAQualifiedRpcError() throws Exception {
    Document reply =
        parse(
            "<nc:rpc-reply xmlns:nc=\""
                + NetconfProtocol.BASE_NAMESPACE
                + "\"><nc:rpc-error><nc:error-type>application</nc:error-type>"
                + "<nc:error-tag>invalid-value</nc:error-tag>"
                + "<nc:error-severity>error</nc:error-severity>"
                + "<nc:error-app-tag>too-big</nc:error-app-tag>"
                + "<nc:error-path>/interfaces/mtu</nc:error-path>"
                + "<nc:error-message xml:lang=\"en\"> value too large </nc:error-message>"
                + "<nc:error-info><nc:bad-element>mtu</nc:bad-element>"
                + "<nc:bad-value>99999</nc:bad-value></nc:error-info>"
                + "</nc:rpc-error></nc:rpc-reply>");
    assertThat(RpcErrors.findAll(reply.getDocumentElement()))
        .containsExactly(
            new RpcError(
                "application",
                "invalid-value",
                "error",
                "too-big",
                "/interfaces/mtu",
                "value too large",
                java.util.Map.of("bad-element", "mtu", "bad-value", "99999")));
  }

  @Test
  void findsErrorsJunosNestsInItsOwnResultsAndTellsWarningsApart() throws Exception {
    Document reply =
        parse(
            "<rpc-reply><commit-results><routing-engine><rpc-error>"
                + "<error-severity>warning</error-severity><error-message>w</error-message>"
                + "</rpc-error></routing-engine><rpc-error><error-type>protocol</error-type>"
                + "<error-tag>operation-failed</error-tag>"
                + "<error-message>commit failed</error-message></rpc-error>"
                + "</commit-results></rpc-reply>");
    var errors = RpcErrors.findAll(reply.getDocumentElement());
    assertThat(errors).extracting(RpcError::message).containsExactly("w", "commit failed");
    assertThat(errors).extracting(RpcError::isError).containsExactly(false, true);
    assertThat(errors.get(1).describe())
        .isEqualTo("error protocol/operation-failed: commit failed");
    assertThat(errors.get(1).info()).isEmpty();
  }

  @Test
  void writtenErrorsTakeTheReplysNamespaceAndReadBackTheSame() throws Exception {
    Document doc = parse("<rpc-reply xmlns=\"" + NetconfProtocol.BASE_NAMESPACE + "\"/>");
    RpcError error =
        RpcError.error("protocol", "lock-denied", "configuration database locked")
            .withPath("[edit]")
            .withInfo("session-id", "7");
    Element written = RpcErrors.write(doc, error);
    doc.getDocumentElement().appendChild(written);
    String xml = serialize(doc);
    assertThat(xml)
        .contains(
            "<rpc-error><error-type>protocol</error-type><error-tag>lock-denied"
                + "</error-tag><error-severity>error</error-severity><error-path>[edit]"
                + "</error-path><error-message>configuration database locked</error-message>"
                + "<error-info><session-id>7</session-id></error-info></rpc-error>");
    assertThat(RpcErrors.findAll(parse(xml).getDocumentElement())).containsExactly(error);
  }

  @Test
  void anErrorWithoutSeverityCountsAsAnError() {
    RpcError error = new RpcError(null, null, null, null, null, null, null);
    assertThat(error.isError()).isTrue();
    assertThat(error.describe()).isEqualTo("error ?/?");
    assertThat(error.info()).isEmpty();
  }
}
