package io.switchboard.console.web;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the console's live pages: a reading is taken every {@link #EVERY} and sent
 * as an event whenever its signature changes (the first one at once), until the reading says
 * nothing will change any more. A stream lasts at most {@link #LIFETIME}; the browser's EventSource
 * then reconnects, which signs the request in again, so a session ended meanwhile ends its stream
 * too. Readings run off the request's thread: they take the caller's scope explicitly, never from
 * the security context.
 */
@Component
public class LiveFeed {
  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

  static final Duration EVERY = Duration.ofSeconds(1);
  static final Duration LIFETIME = Duration.ofMinutes(5);

  private final ScheduledExecutorService ticks =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "console-live-feed");
            t.setDaemon(true);
            return t;
          });

  /** What one look found: the event's data, its signature, and whether it is the last. */
  public record Reading(String signature, Object data, boolean last) {}

  /** A stream of events named {@code event}, one per change of what {@code read} answers. */
  public SseEmitter stream(String event, Supplier<Reading> read) {
    SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
    AtomicReference<String> sent = new AtomicReference<>();
    AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable stop =
        () -> {
          stopped.set(true);
          ScheduledFuture<?> t = task.get();
          if (t != null) {
            t.cancel(false);
          }
        };
    emitter.onCompletion(stop);
    emitter.onTimeout(stop);
    emitter.onError(e -> stop.run());
    task.set(
        ticks.scheduleWithFixedDelay(
            () -> {
              if (stopped.get()) {
                return;
              }
              try {
                Reading reading = read.get();
                if (!Objects.equals(reading.signature(), sent.get())) {
                  emitter.send(
                      SseEmitter.event()
                          .name(event)
                          .reconnectTime(2000)
                          .data(reading.data(), MediaType.APPLICATION_JSON));
                  sent.set(reading.signature());
                }
                if (reading.last()) {
                  stop.run();
                  emitter.complete();
                }
              } catch (IOException | IllegalStateException gone) {
                // the browser went away (or the stream ended): nothing more to send
                stop.run();
              } catch (RuntimeException e) {
                // a reading that failed (the engine did not answer, the object is gone): the
                // browser falls back to polling, which shows the page's own words
                LOG.warn("Console live feed ended: {}", e.toString());
                stop.run();
                emitter.complete();
              }
            },
            0,
            EVERY.toMillis(),
            TimeUnit.MILLISECONDS));
    if (stopped.get()) {
      // it ended before its task was known: the task stops itself at its next tick anyway
      task.get().cancel(false);
    }
    return emitter;
  }

  /**
   * A stream of {@code changed} events for a page that reloads its live regions: each carries the
   * signature {@code signature} answers, sent when it differs from the last one sent.
   */
  public SseEmitter changes(Supplier<String> signature) {
    return stream(
        "changed",
        () -> {
          String now = signature.get();
          return new Reading(now, Map.of("signature", now), false);
        });
  }

  /** A short signature of what a page shows that can change (its parts' text). */
  public static String signature(Object... parts) {
    return Integer.toHexString(Arrays.deepToString(parts).hashCode());
  }

  @PreDestroy
  void shutdown() {
    ticks.shutdownNow();
  }
}
