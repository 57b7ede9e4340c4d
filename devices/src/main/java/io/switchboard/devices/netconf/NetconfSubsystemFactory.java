package io.switchboard.devices.netconf;

import io.switchboard.netconf.NetconfProtocol;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/** The {@code netconf} SSH subsystem of one device. */
public final class NetconfSubsystemFactory implements SubsystemFactory {

  private final NetconfDevice device;

  public NetconfSubsystemFactory(NetconfDevice device) {
    this.device = device;
  }

  @Override
  public String getName() {
    return NetconfProtocol.SSH_SUBSYSTEM;
  }

  @Override
  public Command createSubsystem(ChannelSession channel) {
    return new NetconfSession(device, Operations.all());
  }
}
