package io.switchboard.camel.logging;

import java.util.Map;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.slf4j.MDC;

/**
 * Carries the log fields (MDC: tenant, operation, process instance, device serial) of the thread
 * that opens an SSH session onto the SSH client's I/O threads, which run the connect, key
 * verification and authentication callbacks and know nothing of the job that asked for the session.
 * Only the session's opening: a pooled session later serves other jobs, whose fields Camel carries
 * with each exchange.
 */
public final class CallbackLogContext {
  /** Connection-context attribute holding the opener's fields. */
  public static final AttributeKey<Map<String, String>> FIELDS = new AttributeKey<>();

  private CallbackLogContext() {}

  /** The calling thread's fields, never null. */
  public static Map<String, String> capture() {
    Map<String, String> fields = MDC.getCopyOfContextMap();
    return fields == null ? Map.of() : fields;
  }

  /** The fields stored in an SSH connection context, or none. */
  public static Map<String, String> of(AttributeRepository context) {
    Map<String, String> fields = context == null ? null : context.getAttribute(FIELDS);
    return fields == null ? Map.of() : fields;
  }

  /** Runs {@code callback} with {@code fields} as the MDC, then puts the thread's own back. */
  public static void run(Map<String, String> fields, Runnable callback) {
    Map<String, String> previous = MDC.getCopyOfContextMap();
    MDC.setContextMap(fields);
    try {
      callback.run();
    } finally {
      if (previous == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(previous);
      }
    }
  }

  /** {@link #run} for a callback with a result. */
  public static <T> T call(Map<String, String> fields, java.util.function.Supplier<T> callback) {
    Object[] result = new Object[1];
    run(fields, () -> result[0] = callback.get());
    @SuppressWarnings("unchecked")
    T value = (T) result[0];
    return value;
  }
}
