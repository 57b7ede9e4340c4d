package io.switchboard.inventory.firewall.model;

import java.util.List;

/**
 * An address group or an application set as frozen in a version: its members by name (objects or
 * other groups/sets), in the order given.
 */
public record GroupDef(String name, List<String> members) {}
