package io.switchboard.devices.vnf;

/** What a uCPE host offers its VNFs: vCPUs, memory, hugepages (MiB) and disk (MiB). */
public record HostResources(int vcpus, int memoryMib, int hugepagesMib, long diskMib) {
  /** NFX250: 8 cores with 2 kept for the host, 16 GiB with 4 kept, 8 GiB of it as hugepages. */
  public static final HostResources NFX250 = new HostResources(6, 12288, 8192, 102400);

  /** Half of everything: the "resources short" fault. */
  public HostResources halved() {
    return new HostResources(vcpus / 2, memoryMib / 2, hugepagesMib / 2, diskMib / 2);
  }
}
