package io.switchboard.api.common;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The admin API's request checks that apply to every endpoint. */
@Configuration
public class ApiWebConfiguration implements WebMvcConfigurer {
  private final KnownParameters knownParameters;

  public ApiWebConfiguration(KnownParameters knownParameters) {
    this.knownParameters = knownParameters;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(knownParameters).addPathPatterns("/api/v1/**");
  }
}
