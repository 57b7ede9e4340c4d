package io.switchboard.workers;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The job workers and their adapters to the inventory and the device routes. */
@Configuration
@ComponentScan
public class WorkersConfiguration {}
