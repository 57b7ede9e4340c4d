package io.switchboard.engine.form;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.protocol.rest.DeploymentFormResult;
import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.DeploymentResult;
import io.camunda.client.protocol.rest.FormResult;
import io.switchboard.engine.model.DeploymentRejectedException;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Form;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda forms ({@code .form}: JSON with an {@code id}): deployed with processes in one
 * deployment, versioned per form id and tenant (an unchanged form keeps its version and key), and
 * returned by key ({@code GET /forms/{formKey}}) and as the linked form of a Camunda user task
 * ({@code zeebe:formDefinition formId}, {@code GET /user-tasks/{key}/form}).
 */
public final class FormResources {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private FormResources() {}

  /** A parsed form before it has a key and version. */
  public record Parsed(String resourceName, String formId, byte[] content) {}

  public static boolean isForm(String resourceName) {
    return resourceName.endsWith(".form");
  }

  /**
   * @throws DeploymentRejectedException naming the resource
   */
  public static Parsed parse(String resourceName, byte[] content) {
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (IOException e) {
      throw new DeploymentRejectedException(
          "'"
              + resourceName
              + "' is not a valid form (JSON): "
              + e.getMessage().lines().findFirst().orElse(""));
    }
    if (form == null || !form.isObject() || form.path("id").asText("").isBlank()) {
      throw new DeploymentRejectedException("'" + resourceName + "' is a form without an id");
    }
    return new Parsed(resourceName, form.get("id").asText(), content);
  }

  /** Stores the forms of a deployment (command processor thread) and adds them to the answer. */
  public static void store(
      EngineState state,
      String tenantId,
      long deploymentKey,
      List<Parsed> parsed,
      DeploymentResult result) {
    for (Parsed p : parsed) {
      String checksum = sha256(p.content());
      Optional<Form> latest =
          state.forms.all().stream()
              .filter(f -> f.tenantId.equals(tenantId) && f.formId.equals(p.formId()))
              .max(Comparator.comparingLong(f -> f.version));
      Form form;
      if (latest.isPresent() && latest.get().checksum.equals(checksum)) {
        form = latest.get();
      } else {
        form = new Form();
        form.key = state.keys.nextKey();
        form.formId = p.formId();
        form.version = latest.map(f -> f.version + 1).orElse(1L);
        form.tenantId = tenantId;
        form.resourceName = p.resourceName();
        form.checksum = checksum;
        form.schema = new String(p.content(), StandardCharsets.UTF_8);
        form.deploymentKey = deploymentKey;
        state.forms.put(form.key, form);
      }
      result.addDeploymentsItem(
          new DeploymentMetadataResult()
              .form(
                  new DeploymentFormResult()
                      .formId(form.formId)
                      .formKey(String.valueOf(form.key))
                      .version((int) form.version)
                      .resourceName(form.resourceName)
                      .tenantId(form.tenantId)));
    }
  }

  /** {@code GET /forms/{formKey}}, read from the stored rows on the caller's thread. */
  public static FormResult get(DataSource dataSource, String key) {
    long formKey;
    try {
      formKey = Long.parseLong(key);
    } catch (NumberFormatException e) {
      throw EngineException.invalidArgument(
          "Expected formKey to be a numeric key, but it was '" + key + "'");
    }
    List<String> rows =
        new JdbcTemplate(dataSource)
            .queryForList("SELECT data FROM engine_form WHERE key_ = ?", String.class, formKey);
    if (rows.isEmpty()) {
      throw EngineException.notFound(
          "Expected to find form with key '" + formKey + "', but none found");
    }
    try {
      return result(JSON.readValue(rows.get(0), Form.class));
    } catch (IOException e) {
      throw new IllegalStateException("Unreadable form row " + formKey, e);
    }
  }

  /** A stored form as the client's {@code Form} reads it. */
  public static FormResult result(Form form) {
    try {
      return new FormResult()
          .formKey(String.valueOf(form.key))
          .formId(form.formId)
          .version(form.version)
          .tenantId(form.tenantId)
          .schema(JSON.readValue(form.schema, Object.class));
    } catch (IOException e) {
      throw new IllegalStateException("Unreadable schema of form " + form.key, e);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
