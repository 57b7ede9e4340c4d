package io.switchboard.workers.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.bean.BeanInfo;
import io.camunda.client.bean.MethodInfo;
import io.camunda.client.bean.ParameterInfo;
import io.camunda.client.spring.properties.CamundaClientJobWorkerProperties;
import io.camunda.client.spring.properties.CamundaClientProperties;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeclaredJobWorkerSettingsTest {

  private CamundaClientProperties properties;

  static class Workers {
    @JobWorker(type = "device.install-package", timeout = 15 * 60 * 1000)
    public void install() {}

    @JobWorker(type = "device.reboot")
    public void reboot() {}
  }

  @BeforeEach
  void defaultsLikeTheApplication() {
    properties = new CamundaClientProperties();
    properties.getWorker().getDefaults().setTimeout(Duration.ofSeconds(60));
  }

  private JobWorkerValue customized(String methodName) throws Exception {
    Method method = Workers.class.getMethod(methodName);
    JobWorker annotation = method.getAnnotation(JobWorker.class);
    JobWorkerValue value = new JobWorkerValue();
    value.setType(annotation.type());
    value.setName(methodName);
    value.setMethodInfo(new Info(method));
    if (annotation.timeout() > 0) {
      value.setTimeout(Duration.ofMillis(annotation.timeout()));
    }
    new DeclaredJobWorkerSettings(properties).customize(value);
    return value;
  }

  @Test
  void theDeclaredTimeoutWinsOverTheConfiguredDefault() throws Exception {
    assertThat(customized("install").getTimeout()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void aWorkerThatDeclaresNothingGetsTheDefault() throws Exception {
    assertThat(customized("reboot").getTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void anOverrideForTheJobTypeWinsOverTheAnnotation() throws Exception {
    CamundaClientJobWorkerProperties override = new CamundaClientJobWorkerProperties();
    override.setTimeout(Duration.ofMinutes(30));
    properties.getWorker().getOverride().put("device.install-package", override);

    assertThat(customized("install").getTimeout()).isEqualTo(Duration.ofMinutes(30));
  }

  /** The starter's view of a worker method, reduced to what customizers read. */
  private record Info(Method method) implements MethodInfo {
    @Override
    public BeanInfo getBeanInfo() {
      return null;
    }

    @Override
    public Method getMethod() {
      return method;
    }

    @Override
    public List<ParameterInfo> getParameters() {
      return List.of();
    }

    @Override
    public <T extends Annotation> Optional<T> getAnnotation(Class<T> type) {
      return Optional.ofNullable(method.getAnnotation(type));
    }

    @Override
    public List<ParameterInfo> getParametersFilteredByAnnotation(Class<? extends Annotation> type) {
      return List.of();
    }

    @Override
    public Object invoke(Object... args) {
      throw new UnsupportedOperationException();
    }
  }
}
