package io.switchboard.camel.netconf;

import io.switchboard.netconf.error.RpcError;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends one NETCONF operation per exchange without blocking the calling thread: the route continues
 * on a worker thread once the reply is in. The session stays leased to the exchange until it
 * completes (see {@link ExchangeSessions}), so lock, edit, commit and unlock sent by one exchange
 * share one session.
 */
class NetconfProducer extends DefaultAsyncProducer {

  NetconfProducer(NetconfEndpoint endpoint) {
    super(endpoint);
  }

  @Override
  public NetconfEndpoint getEndpoint() {
    return (NetconfEndpoint) super.getEndpoint();
  }

  @Override
  public boolean process(Exchange exchange, AsyncCallback callback) {
    NetconfEndpoint endpoint = getEndpoint();
    NetconfClient client = endpoint.getComponent().client();
    NetconfRequest request;
    SessionKey key;
    Duration timeout;
    try {
      NetconfEndpointOptions options = endpoint.getOptions();
      Message in = exchange.getMessage();
      String operationName = in.getHeader(NetconfConstants.OPERATION, String.class);
      NetconfOperation operation =
          operationName == null ? options.operation : NetconfOperation.of(operationName);
      request =
          NetconfRequest.build(
              operation,
              parameters(in, options),
              operation == NetconfOperation.EDIT_CONFIG || operation == NetconfOperation.RPC
                  ? in.getMandatoryBody(String.class)
                  : null);
      key = new SessionKey(endpoint.deviceFor(exchange), !"1.0".equals(options.baseVersion));
      Long timeoutMillis = in.getHeader(NetconfConstants.RPC_TIMEOUT, Long.class);
      timeout =
          timeoutMillis != null
              ? Duration.ofMillis(timeoutMillis)
              : options.rpcTimeout != null ? options.rpcTimeout : client.settings().rpcTimeout();
    } catch (Exception e) {
      exchange.setException(e);
      callback.done(true);
      return true;
    }
    ExchangeSessions.sessionFor(exchange, key, client)
        .thenCompose(
            session ->
                execute(session, request, timeout, endpoint.getComponent().getRpcObserver())
                    .whenComplete(
                        (reply, error) -> afterReply(exchange, client, session, request, error)))
        .whenComplete(
            (reply, error) -> {
              try {
                if (error != null) {
                  exchange.setException(unwrap(error));
                } else {
                  populate(exchange, request, reply);
                }
              } catch (Exception e) {
                exchange.setException(e);
              } finally {
                ExchangeSessions.releaseIfUnscoped(exchange, client);
                callback.done(false);
              }
            });
    return false;
  }

  private static CompletableFuture<Result> execute(
      NetconfSession session,
      NetconfRequest request,
      Duration timeout,
      NetconfRpcObserver observer) {
    if (request.operation() == NetconfOperation.HELLO) {
      return CompletableFuture.completedFuture(new Result(session, null));
    }
    long sent = System.nanoTime();
    return session
        .rpc(request.name(), request.xml(), timeout)
        .thenApply(
            xml -> {
              NetconfReply reply;
              try {
                reply = NetconfReply.parse(xml);
              } catch (IllegalArgumentException e) {
                throw new NetconfProtocolException(
                    session.deviceId(), "unreadable reply to " + request.name(), e);
              }
              reply.throwIfError(session.deviceId(), request.name());
              return new Result(session, reply);
            })
        .whenComplete(
            (result, error) ->
                observer.rpcEnded(
                    request.name(),
                    System.nanoTime() - sent,
                    error == null ? null : unwrap(error)));
  }

  private record Result(NetconfSession session, NetconfReply reply) {}

  private static void afterReply(
      Exchange exchange,
      NetconfClient client,
      NetconfSession session,
      NetconfRequest request,
      Throwable error) {
    if (error != null) {
      return;
    }
    switch (request.operation()) {
      case LOCK -> session.lockedDatastores().add(request.datastore());
      case UNLOCK -> session.lockedDatastores().remove(request.datastore());
      case CLOSE_SESSION -> ExchangeSessions.releaseClosed(exchange, session, client);
      default -> {}
    }
  }

  private static void populate(Exchange exchange, NetconfRequest request, Result result) {
    Message out = exchange.getMessage();
    NetconfSession session = result.session();
    out.setHeader(NetconfConstants.DEVICE_ID, session.deviceId());
    out.setHeader(NetconfConstants.SESSION_ID, session.sessionId());
    out.setHeader(NetconfConstants.SERVER_CAPABILITIES, session.serverCapabilities());
    out.setHeader(NetconfConstants.FRAMING, session.isChunked() ? "chunked" : "end-of-message");
    if (request.operation() == NetconfOperation.HELLO) {
      out.setBody(List.copyOf(session.serverCapabilities()));
      return;
    }
    List<RpcError> warnings = result.reply().errors();
    if (warnings.isEmpty()) {
      out.removeHeader(NetconfConstants.WARNINGS);
    } else {
      out.setHeader(NetconfConstants.WARNINGS, warnings);
    }
    out.setBody(result.reply().xml());
  }

  private static NetconfRequest.Parameters parameters(Message in, NetconfEndpointOptions o) {
    return new NetconfRequest.Parameters(
        header(in, NetconfConstants.TARGET, o.target),
        header(in, NetconfConstants.SOURCE, o.source),
        header(in, NetconfConstants.FILTER, o.filter),
        header(in, NetconfConstants.DEFAULT_OPERATION, o.defaultOperation),
        header(in, NetconfConstants.EDIT_OPERATION, o.editOperation),
        o.testOption,
        o.errorOption,
        in.getHeader(NetconfConstants.CONFIRMED, o.confirmed, Boolean.class),
        in.getHeader(NetconfConstants.CONFIRM_TIMEOUT, o.confirmTimeout, Integer.class),
        header(in, NetconfConstants.PERSIST, o.persist),
        header(in, NetconfConstants.PERSIST_ID, o.persistId));
  }

  private static String header(Message in, String name, String fallback) {
    String value = in.getHeader(name, String.class);
    return value != null ? value : fallback;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
