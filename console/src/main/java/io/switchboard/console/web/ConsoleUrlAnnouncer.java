package io.switchboard.console.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Prints where the console is once the web server listens. */
@Component
public class ConsoleUrlAnnouncer implements ApplicationListener<WebServerInitializedEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleUrlAnnouncer.class);

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getParent() == null) {
      LOG.info(
          "Switchboard console: http://localhost:{}/console (sign in with a Switchboard user)",
          event.getWebServer().getPort());
    }
  }
}
