package io.switchboard.devices.fleet;

import io.switchboard.devices.image.ImageInstaller;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The threads one fleet shares among all its devices: a scheduler (timers, delays, retries, SSH
 * timeouts), a fixed pool running RPCs, the SSH I/O group and one HTTP client. Thread count is
 * {@code 2 + rpcThreads + 2 * ioThreads + 1} (HTTP selector), whatever the number of devices.
 */
final class FleetRuntime implements AutoCloseable {

  final ScheduledThreadPoolExecutor scheduler;
  final ThreadPoolExecutor workers;
  final SharedIoServiceFactoryFactory io;
  final HttpClient http;
  final ImageInstaller installer;
  final io.switchboard.devices.sdwan.SdwanNetwork sdwan =
      new io.switchboard.devices.sdwan.SdwanNetwork();

  FleetRuntime(int rpcThreads, int ioThreads, SSLContext sslContext, Duration downloadTimeout) {
    scheduler = new ScheduledThreadPoolExecutor(2, daemon("sim-timer"));
    scheduler.setRemoveOnCancelPolicy(true);
    workers =
        new ThreadPoolExecutor(
            rpcThreads,
            rpcThreads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemon("sim-rpc"));
    io = new SharedIoServiceFactoryFactory(ioThreads);
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .executor(workers)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL);
    if (sslContext != null) {
      builder.sslContext(sslContext);
    }
    http = builder.build();
    installer = new ImageInstaller(http, downloadTimeout);
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    io.close();
    scheduler.shutdownNow();
    workers.shutdownNow();
  }
}
