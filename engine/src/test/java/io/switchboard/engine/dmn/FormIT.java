package io.switchboard.engine.dmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.switchboard.engine.EngineIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Camunda forms: deployed with the rest, versioned, returned by key at {@code /v2/forms/{key}} and
 * as the linked form of a Camunda user task.
 */
class FormIT extends EngineIT {

  private DeploymentEvent deployForm(String formId, String label) {
    String form =
        """
        {"id": "%s", "type": "default", "components": [{"key": "approved", "label": "%s", "type": "checkbox"}]}
        """
            .formatted(formId, label);
    return client
        .newDeployResourceCommand()
        .addResourceString(form, StandardCharsets.UTF_8, "approve.form")
        .send()
        .join();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aDeployedFormIsVersionedAndReturnedByKey() throws Exception {
    String formId = unique("approve");
    Form first = deployForm(formId, "Approve?").getForm().get(0);
    assertThat(first.getFormId()).isEqualTo(formId);
    assertThat(first.getVersion()).isEqualTo(1);
    assertThat(first.getResourceName()).isEqualTo("approve.form");
    assertThat(deployForm(formId, "Approve?").getForm().get(0).getFormKey())
        .isEqualTo(first.getFormKey());
    Form second = deployForm(formId, "Approve now?").getForm().get(0);
    assertThat(second.getVersion()).isEqualTo(2);

    HttpResponse<String> response = get("/v2/forms/" + first.getFormKey());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.get("formId").asText()).isEqualTo(formId);
    assertThat(body.get("formKey").asText()).isEqualTo(String.valueOf(first.getFormKey()));
    assertThat(body.at("/schema/components/0/label").asText()).isEqualTo("Approve?");
    assertThat(get("/v2/forms/1").statusCode()).isEqualTo(404);
  }

  @Test
  void aFormWithoutAnIdIsRefused() {
    assertThatThrownBy(
            () ->
                client
                    .newDeployResourceCommand()
                    .addResourceString("{\"components\": []}", StandardCharsets.UTF_8, "x.form")
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(400))
        .hasMessageContaining("'x.form'");
  }

  @Test
  void aUserTaskLinksTheLatestVersionOfItsFormAndServesIt() {
    String formId = unique("linked");
    String p = unique("approval");
    deploy(
        Bpmn.createExecutableProcess(p)
            .startEvent()
            .userTask("approve", t -> t.zeebeUserTask().zeebeFormId(formId))
            .endEvent()
            .done());
    long pi = start(p, Map.of()).getProcessInstanceKey();
    Incident incident = awaitIncident(pi);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.FORM_NOT_FOUND);
    assertThat(incident.getErrorMessage()).contains("'" + formId + "'");

    deployForm(formId, "First?");
    Form latest = deployForm(formId, "Approve?").getForm().get(0);
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    UserTask task = awaitUserTask(pi);
    assertThat(task.getFormKey()).isEqualTo(latest.getFormKey());

    var form = client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join();
    assertThat(form.getFormKey()).isEqualTo(latest.getFormKey());
    assertThat(form.getFormId()).isEqualTo(formId);
    assertThat(form.getVersion()).isEqualTo(2);
    assertThat(String.valueOf(form.getSchema())).contains("Approve?");
  }

  @Test
  void aUserTaskWithoutALinkedFormAnswersNoContent() throws Exception {
    String p = unique("plain");
    deploy(
        Bpmn.createExecutableProcess(p)
            .startEvent()
            .userTask("approve", t -> t.zeebeUserTask())
            .endEvent()
            .done());
    UserTask task = awaitUserTask(start(p, Map.of()).getProcessInstanceKey());
    assertThat(task.getFormKey()).isNull();
    assertThat(get("/v2/user-tasks/" + task.getUserTaskKey() + "/form").statusCode())
        .isEqualTo(204);
  }
}
