package io.switchboard.workflows;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Hosts the embedded engine for the process-path tests. */
@SpringBootApplication
public class WorkflowTestApplication {}
