package io.switchboard.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class FormTest {
  @Test
  void aMultipleChoiceKeepsEveryValueGivenInOrder() {
    LinkedMultiValueMap<String, String> submitted = new LinkedMultiValueMap<>();
    submitted.add("siteIds", "s2");
    submitted.add("siteIds", " ");
    submitted.add("siteIds", "s1");
    submitted.add("name", "wan");
    submitted.add("_csrf", "token");
    Form form = Form.of(submitted);
    assertThat(form.list("siteIds")).containsExactly("s2", "s1");
    assertThat(form.has("siteIds", "s1")).isTrue();
    assertThat(form.list("hubSiteIds")).isEmpty();
    assertThat(form.text("name")).isEqualTo("wan");
    assertThat(form.getValues()).doesNotContainKey("_csrf");
  }

  @Test
  void theErrorsOfAnAddedEntryMoveToTheFormsOwnFields() {
    Form form = Form.of(java.util.Map.of());
    form.reject("rules[3].name", "must not be blank");
    form.reject("rules[1].name", "rule names are unique in a policy");
    form.unprefix("rules[3].");
    assertThat(form.getErrors())
        .containsEntry("name", "must not be blank")
        .containsEntry("rules[1].name", "rule names are unique in a policy");
  }

  @Test
  void theErrorsOfAPartOfTheRequestShowUnderTheFormsField() {
    Form form = Form.of(java.util.Map.of());
    form.reject("selection.deviceIds[2]", "device 'd9' not found");
    form.reject("selection", "selects no device to upgrade");
    form.reject("siteIdsExtra", "stays");
    form.moveErrors("selection.deviceIds", "deviceIds").moveErrors("selection", "form");
    assertThat(form.getErrors())
        .containsEntry("deviceIds", "device 'd9' not found")
        .containsEntry("form", "selects no device to upgrade")
        .containsEntry("siteIdsExtra", "stays")
        .hasSize(3);
  }

  @Test
  void aDateAndTimeIsReadAsUtcAndOneThatDoesNotParseIsRefused() {
    Form form = Form.of(java.util.Map.of("start", "2026-12-05T08:30", "end", "tomorrow"));
    assertThat(form.instant("start")).isEqualTo(java.time.Instant.parse("2026-12-05T08:30:00Z"));
    assertThat(form.instant("end")).isNull();
    assertThat(form.getErrors())
        .containsEntry("end", "invalid value 'tomorrow', expected a date and time");
  }
}
