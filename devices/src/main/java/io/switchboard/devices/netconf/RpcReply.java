package io.switchboard.devices.netconf;

import java.util.List;
import org.w3c.dom.Element;

/**
 * What an operation answers: content elements (built in the request's reply document), or {@code
 * <ok/>} when there are none; {@code afterWrite} runs once the reply is on the wire (to close a
 * session or reboot after answering).
 */
public record RpcReply(List<Element> content, Runnable afterWrite) {

  public static RpcReply ok() {
    return new RpcReply(List.of(), null);
  }

  public static RpcReply of(Element... content) {
    return new RpcReply(List.of(content), null);
  }

  public RpcReply then(Runnable action) {
    return new RpcReply(content, action);
  }
}
