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
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Modeler element templates stay true to the code: one per job type, nothing extra. */
class ElementTemplatesTest {

  private static Set<String> jobTypesInCode() throws IllegalAccessException {
    Set<String> types = new HashSet<>();
    for (Class<?> constants : new Class<?>[] {ZtpOnboarding.class, DeviceUpgrade.class}) {
      for (Field field : constants.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getName().startsWith("JOB_")) {
          types.add((String) field.get(null));
        }
      }
    }
    return types;
  }

  private static JsonNode templates() throws Exception {
    try (InputStream in =
        ElementTemplatesTest.class.getResourceAsStream(
            "/element-templates/switchboard-job-types.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static Set<String> templateJobTypes(JsonNode templates) {
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
    assertThat(templateJobTypes(templates())).isEqualTo(jobTypesInCode());
  }

  @Test
  void everyJobTypeInTheBpmnFilesIsAConstant() throws Exception {
    Set<String> inBpmn = new HashSet<>();
    for (String resource : new String[] {ZtpOnboarding.RESOURCE, DeviceUpgrade.RESOURCE}) {
      String xml =
          new String(
              getClass().getResourceAsStream("/" + resource).readAllBytes(),
              StandardCharsets.UTF_8);
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
