package io.switchboard.engine.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.processor.EngineException;
import org.junit.jupiter.api.Test;

/** Search filters as SQL: what the wire format means, and what it rejects. */
class SearchFilterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void unknownFilterFieldsAreRejectedByName() {
    assertThatThrownBy(() -> ProcessInstanceSearch.SPEC.where(json("{'processInstancKey': '1'}")))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("'processInstancKey'")
        .satisfies(e -> assertThat(((EngineException) e).status()).isEqualTo(400));
  }

  @Test
  void unsupportedOperatorsAndBadValuesAreRejectedByField() {
    assertThatThrownBy(() -> JobSearch.SPEC.where(json("{'retries': {'$like': '1*'}}")))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("'$like'")
        .hasMessageContaining("'retries'");
    assertThatThrownBy(
            () -> ProcessInstanceSearch.SPEC.where(json("{'startDate': {'$gt': 'yesterday'}}")))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("'startDate'");
  }

  @Test
  void plainValuesMeanEqualsAndEmptyOperatorListsAreIgnored() throws Exception {
    SqlWhere plain = ProcessInstanceSearch.SPEC.where(json("{'processDefinitionId': 'a'}"));
    SqlWhere object =
        ProcessInstanceSearch.SPEC.where(json("{'processDefinitionId': {'$eq': 'a', '$in': []}}"));

    assertThat(object.sql()).isEqualTo(plain.sql()).isEqualTo("p.bpmn_process_id = ?");
    assertThat(object.args()).containsExactly("a");
  }

  @Test
  void relatedFiltersShareOneRowAndOrCombinesAlternatives() throws Exception {
    SqlWhere where =
        ProcessInstanceSearch.SPEC.where(
            json(
                "{'elementId': 'task', 'elementInstanceState': 'ACTIVE',"
                    + " '$or': [{'state': 'ACTIVE'}, {'hasIncident': true}]}"));

    assertThat(where.sql())
        .contains("((p.state = ?) OR (p.has_incident = ?))")
        .containsOnlyOnce("EXISTS (SELECT 1 FROM engine_history_element_instance e")
        .contains("e.element_id = ? AND e.state = ?");
    assertThat(where.args()).containsExactly("ACTIVE", true, "task", "ACTIVE");
  }

  @Test
  void likePatternsUseStarAndQuestionMarkWithBackslashEscapes() {
    assertThat(ColumnFilter.like("cpe-*")).isEqualTo("cpe-%");
    assertThat(ColumnFilter.like("a?c")).isEqualTo("a_c");
    assertThat(ColumnFilter.like("100%_\\*!")).isEqualTo("100!%!_*!!");
  }
}
