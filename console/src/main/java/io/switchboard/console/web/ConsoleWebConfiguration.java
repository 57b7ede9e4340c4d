package io.switchboard.console.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's static files under {@code /console/assets/}: its own stylesheet and scripts, and
 * the bpmn-js viewer's prebuilt bundle from its webjar (pinned in the pom, served offline).
 */
@Configuration
public class ConsoleWebConfiguration implements WebMvcConfigurer {
  /** The bpmn-js webjar's version; the pom pins the same, ConsoleAssetsTest its checksum. */
  public static final String BPMN_JS_VERSION = "8.0.0";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/console/assets/bpmn-js/**")
        .addResourceLocations(
            "classpath:/META-INF/resources/webjars/bpmn-js/" + BPMN_JS_VERSION + "/dist/");
    registry
        .addResourceHandler("/console/assets/**")
        .addResourceLocations("classpath:/static/console/");
  }
}
