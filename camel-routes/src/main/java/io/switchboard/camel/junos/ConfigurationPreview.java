package io.switchboard.camel.junos;

/**
 * What a change would do on a device: the {@code show | compare} text the device printed after the
 * change was loaded into its candidate (empty: nothing would change).
 */
public record ConfigurationPreview(String compare) {}
