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
}
