package io.switchboard.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.workflows.upgrade.DeviceUpgrade;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Modeler element templates stay true to the code: one per job type, nothing extra. Every
 * contract class under {@code io.switchboard.workflows} counts (its {@code JOB_*} constants), every
 * {@code bpmn/*.bpmn} and every {@code element-templates/*.json}, so a feature adds files, not
 * entries in this test.
 */
class ElementTemplatesTest {
  private static final PathMatchingResourcePatternResolver RESOLVER =
      new PathMatchingResourcePatternResolver();

  private static Set<String> jobTypesInCode() throws Exception {
    Set<String> types = new HashSet<>();
    for (Resource classFile :
        RESOLVER.getResources("classpath*:io/switchboard/workflows/**/*.class")) {
      String url = classFile.getURL().toString();
      if (!url.contains("/classes/io/switchboard/workflows/") || url.contains("test-classes")) {
        continue;
      }
      String name =
          url.substring(url.indexOf("/classes/") + "/classes/".length(), url.length() - 6)
              .replace('/', '.');
      Class<?> constants = Class.forName(name);
      for (Field field : constants.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getName().startsWith("JOB_")) {
          types.add((String) field.get(null));
        }
      }
    }
    return types;
  }

  private static List<JsonNode> templates() throws Exception {
    List<JsonNode> all = new ArrayList<>();
    for (Resource file : RESOLVER.getResources("classpath*:element-templates/*.json")) {
      try (InputStream in = file.getInputStream()) {
        new ObjectMapper().readTree(in).forEach(all::add);
      }
    }
    return all;
  }

  private static Set<String> templateJobTypes(List<JsonNode> templates) {
    Set<String> types = new HashSet<>();
    for (JsonNode template : templates) {
      for (JsonNode property : template.get("properties")) {
        JsonNode binding = property.get("binding");
        if ("zeebe:taskDefinition".equals(binding.get("type").asText())
            && "type".equals(binding.get("property").asText())) {
          types.add(property.get("value").asText());
        }
      }
    }
    return types;
  }

  @Test
  void everyJobTypeHasATemplateAndEveryTemplateAJobType() throws Exception {
    assertThat(jobTypesInCode())
        .as("the scan finds the contract classes")
        .contains(ZtpOnboarding.JOB_CONNECT, DeviceUpgrade.JOB_INSTALL_PACKAGE);
    assertThat(templateJobTypes(templates())).isEqualTo(jobTypesInCode());
  }

  @Test
  void everyJobTypeInTheBpmnFilesIsAConstant() throws Exception {
    Set<String> inBpmn = new HashSet<>();
    for (Resource resource : RESOLVER.getResources("classpath*:bpmn/*.bpmn")) {
      String xml;
      try (InputStream in = resource.getInputStream()) {
        xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Matcher matcher = Pattern.compile("taskDefinition[^>]*type=\"([^\"]+)\"").matcher(xml);
      while (matcher.find()) {
        inBpmn.add(matcher.group(1));
      }
    }
    assertThat(jobTypesInCode()).containsAll(inBpmn);
    assertThat(inBpmn).containsAll(jobTypesInCode());
  }

  @Test
  void templatesHaveUniqueIdsAndTheModelerSchema() throws Exception {
    Set<String> ids = new HashSet<>();
    for (JsonNode template : templates()) {
      assertThat(ids.add(template.get("id").asText())).as(template.get("id").asText()).isTrue();
      assertThat(template.get("$schema").asText()).contains("zeebe-element-templates-json-schema");
      assertThat(template.get("appliesTo").get(0).asText()).isEqualTo("bpmn:Task");
    }
  }
}
