package io.switchboard.api.operation;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** What the operations thread does every interval: start what is pending, follow what runs. */
@Component
public class OperationsTick {
  private final OperationDispatcher dispatcher;
  private final OperationTracker tracker;

  public OperationsTick(@Lazy OperationDispatcher dispatcher, OperationTracker tracker) {
    this.dispatcher = dispatcher;
    this.tracker = tracker;
  }

  void run() {
    dispatcher.sweep();
    tracker.track();
  }
}
