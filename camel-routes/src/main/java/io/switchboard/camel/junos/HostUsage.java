package io.switchboard.camel.junos;

/** What a uCPE host has free for more VNFs (vCPUs, memory and hugepages in MiB). */
public record HostUsage(int freeVcpus, int freeMemoryMib, int freeHugepagesMib) {}
