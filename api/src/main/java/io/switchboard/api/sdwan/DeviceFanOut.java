package io.switchboard.api.sdwan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Calls one device per item, at most {@code parallelism} at a time, and answers in the items'
 * order: an overlay's preview reads hundreds of devices, each a NETCONF session of its own, so one
 * after the other would take as long as all of them together. Threads live for one call only.
 */
final class DeviceFanOut {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private DeviceFanOut() {}

  static <T, R> List<R> map(List<T> items, int parallelism, Function<T, R> call) {
    if (items.size() <= 1 || parallelism <= 1) {
      return items.stream().map(call).toList();
    }
    int threads = Math.min(parallelism, items.size());
    String name = "sdwan-preview-" + POOLS.incrementAndGet() + "-";
    AtomicInteger count = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, name + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> call.apply(item)));
      }
      List<R> out = new ArrayList<>();
      for (Future<R> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while previewing devices", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
