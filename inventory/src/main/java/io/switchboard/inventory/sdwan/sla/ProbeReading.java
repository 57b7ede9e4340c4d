package io.switchboard.inventory.sdwan.sla;

/** One RPM probe's current result on a device: the probe's name ({@code sdwan-t<unit>}) and it. */
public record ProbeReading(String probeName, SlaMeasurement measurement) {}
