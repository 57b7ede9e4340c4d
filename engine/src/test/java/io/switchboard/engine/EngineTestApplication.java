package io.switchboard.engine;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application that hosts the embedded engine, for the engine's own suite. */
@SpringBootApplication
public class EngineTestApplication {}
