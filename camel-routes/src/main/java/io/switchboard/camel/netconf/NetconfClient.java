package io.switchboard.camel.netconf;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The shared NETCONF client behind the {@code netconf:} component: one MINA SSHD client on NIO2
 * with a fixed I/O pool, a fixed worker pool, one scheduler for deadlines and the session pool.
 * Threads stay the same for ten devices or ten thousand.
 */
public final class NetconfClient implements AutoCloseable {

  private final NetconfClientSettings settings;
  private final SshClient ssh;
  private final ThreadPoolExecutor worker;
  private final ScheduledThreadPoolExecutor scheduler;
  private final NetconfSessionPool pool;

  public NetconfClient(NetconfClientSettings settings, HostKeyStore hostKeys) {
    this.settings = settings;
    this.worker =
        new ThreadPoolExecutor(
            settings.workerThreads(),
            settings.workerThreads(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreads("netconf-worker-"));
    this.scheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("netconf-timer-"));
    scheduler.setRemoveOnCancelPolicy(true);
    this.ssh = SshClient.setUpDefaultClient();
    ssh.setIoServiceFactoryFactory(
        new Nio2ServiceFactoryFactory(
            () -> ThreadUtils.newFixedThreadPool("netconf-io", settings.ioThreads())));
    ssh.setServerKeyVerifier(new PinningServerKeyVerifier(hostKeys));
    // Post-quantum hybrids (sntrup761, mlkem768) cost tens of milliseconds of pure-Java CPU per
    // handshake: with thousands of devices that is the whole budget. curve25519 and ECDH remain.
    ssh.setKeyExchangeFactories(
        ssh.getKeyExchangeFactories().stream()
            .filter(kex -> !kex.getName().contains("sntrup") && !kex.getName().contains("mlkem"))
            .toList());
    // Sessions are closed by the pool's idle timeout, not by SSHD's own.
    CoreModuleProperties.IDLE_TIMEOUT.set(ssh, settings.idleTimeout().plus(Duration.ofMinutes(5)));
    CoreModuleProperties.NIO_WORKERS.set(ssh, settings.ioThreads());
    ssh.start();
    NetconfConnector connector = new NetconfConnector(ssh, worker, scheduler, settings);
    this.pool = new NetconfSessionPool(connector::open, scheduler, settings);
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  public NetconfClientSettings settings() {
    return settings;
  }

  /** A session for the device, leased to the caller until {@link #release}. */
  CompletableFuture<NetconfSession> acquire(SessionKey key) {
    return pool.acquire(key);
  }

  void release(NetconfSession session, boolean reusable) {
    pool.release(session, reusable);
  }

  /** Session counts: open, idle, leased, waiting, opened so far, reused so far. */
  public NetconfSessionStats stats() {
    return pool.stats();
  }

  @Override
  public void close() {
    pool.close();
    ssh.stop();
    scheduler.shutdownNow();
    worker.shutdown();
  }

  ExecutorService worker() {
    return worker;
  }
}
