package io.switchboard.inventory;

import io.switchboard.inventory.image.ImageProperties;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** Entities, repositories and components of the inventory, for applications that use it. */
@Configuration
@ComponentScan
@EntityScan
@EnableJpaRepositories
@EnableConfigurationProperties(ImageProperties.class)
public class InventoryConfiguration {}
