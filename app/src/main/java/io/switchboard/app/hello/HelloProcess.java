package io.switchboard.app.hello;

/** Ids of the first-run demonstration process, shared by its BPMN, workers and runner. */
public final class HelloProcess {
  public static final String PROCESS_ID = "hello-switchboard";
  public static final String RESOURCE = "bpmn/hello-switchboard.bpmn";
  public static final String JOB_GREET = "hello.greet";
  public static final String JOB_COUNT = "hello.count";

  public static final String VAR_NAME = "name";
  public static final String VAR_GREETING = "greeting";
  public static final String VAR_COUNT = "count";

  private HelloProcess() {}
}
