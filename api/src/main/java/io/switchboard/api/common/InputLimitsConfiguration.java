package io.switchboard.api.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.error.BodySizeLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The limits on every input of the API that are not a field's own constraint. */
@Configuration
public class InputLimitsConfiguration implements WebMvcConfigurer {
  /** Runs before Spring Security (-100): an oversized body costs no password check. */
  static final int BODY_LIMIT_ORDER = -110;

  @Bean
  FilterRegistrationBean<BodySizeLimit> bodySizeLimit(
      @Value("${switchboard.api.max-body-size:1MB}") DataSize maxBodySize, ObjectMapper json) {
    FilterRegistrationBean<BodySizeLimit> registration =
        new FilterRegistrationBean<>(new BodySizeLimit(maxBodySize.toBytes(), json));
    registration.setOrder(BODY_LIMIT_ORDER);
    registration.addUrlPatterns("/api/*", "/restconf/*");
    return registration;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new PagingLimits()).addPathPatterns("/api/**");
  }
}
