package io.switchboard.app.workflows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The process resources Switchboard deploys: every BPMN, DMN and form file under {@code bpmn/},
 * {@code dmn/} and {@code forms/} on the classpath. A feature adds its process by adding the file;
 * no list to keep in step.
 */
final class ProcessResources {
  private static final String[] PATTERNS = {
    "classpath*:bpmn/*.bpmn", "classpath*:dmn/*.dmn", "classpath*:forms/*.form"
  };

  private ProcessResources() {}

  static List<Resource> onClasspath() {
    var resolver = new PathMatchingResourcePatternResolver();
    List<Resource> found = new ArrayList<>();
    try {
      for (String pattern : PATTERNS) {
        found.addAll(List.of(resolver.getResources(pattern)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    found.sort(Comparator.comparing(Resource::getFilename));
    return found;
  }
}
