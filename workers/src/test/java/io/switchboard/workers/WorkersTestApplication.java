package io.switchboard.workers;

import io.switchboard.inventory.InventoryConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The inventory on H2 for the workers' tests; the workers under test are imported per test. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(InventoryConfiguration.class)
public class WorkersTestApplication {}
