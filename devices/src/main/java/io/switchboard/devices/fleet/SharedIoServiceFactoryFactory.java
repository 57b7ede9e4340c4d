package io.switchboard.devices.fleet;

import org.apache.sshd.common.Factory;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.io.IoConnector;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoServiceEventListener;
import org.apache.sshd.common.io.IoServiceFactory;
import org.apache.sshd.common.io.IoServiceFactoryFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactory;
import org.apache.sshd.common.util.closeable.AbstractCloseable;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;

/**
 * Lets every device's {@code SshServer} share one NIO2 channel group, so I/O threads stay at a
 * fixed count however many devices listen. By default MINA SSHD gives each server its own group
 * (cores + 1 threads each), which at a thousand devices means thousands of threads. Servers get a
 * view that creates acceptors on the shared group and does not shut it down when the server stops;
 * the fleet closes the group itself.
 */
final class SharedIoServiceFactoryFactory implements IoServiceFactoryFactory {

  private final Nio2ServiceFactory shared;

  SharedIoServiceFactoryFactory(int ioThreads) {
    // A server that is never started supplies the properties of the shared group and sessions.
    SshServer template = SshServer.setUpDefaultServer();
    CoreModuleProperties.NIO_WORKERS.set(template, ioThreads);
    shared = new Nio2ServiceFactory(template, null, null);
  }

  @Override
  public IoServiceFactory create(FactoryManager manager) {
    return new View(shared);
  }

  @Override
  public void setExecutorServiceFactory(Factory<CloseableExecutorService> factory) {
    // The shared group has its own executor.
  }

  void close() {
    shared.close(true);
  }

  /** One server's handle on the shared group; closing it leaves the group running. */
  private static final class View extends AbstractCloseable implements IoServiceFactory {
    private final Nio2ServiceFactory delegate;
    private IoServiceEventListener listener;

    View(Nio2ServiceFactory delegate) {
      this.delegate = delegate;
    }

    @Override
    public IoConnector createConnector(IoHandler handler) {
      return delegate.createConnector(handler);
    }

    @Override
    public IoAcceptor createAcceptor(IoHandler handler) {
      IoAcceptor acceptor = delegate.createAcceptor(handler);
      acceptor.setIoServiceEventListener(listener);
      return acceptor;
    }

    @Override
    public IoServiceEventListener getIoServiceEventListener() {
      return listener;
    }

    @Override
    public void setIoServiceEventListener(IoServiceEventListener listener) {
      this.listener = listener;
    }
  }
}
