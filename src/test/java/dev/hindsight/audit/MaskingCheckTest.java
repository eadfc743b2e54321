package dev.hindsight.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The last check of a masked report finds a hidden value as each format writes it. */
class MaskingCheckTest {

  private static final Evidence.Masked MASKED =
      new Evidence.Masked(
          List.of("customer", "name"),
          Map.of("customer", 2, "name", 1),
          0,
          Map.of("o'brien \"jr\"", "customer", "ada", "name"));

  @Test
  void aValueIsFoundAsHtmlJsonAndCsvWriteItIgnoringCase() {
    for (String rendered :
        List.of(
            "<h1>Evidence report: O&#39;Brien &quot;Jr&quot;</h1>",
            "{\"id\": \"o'brien \\\"jr\\\"\"}",
            "1,\"{\"\"id\"\":\"\"O'Brien \\\"\"Jr\\\"\"\"\"}\"")) {
      assertThat(MaskingCheck.warnings(rendered, MASKED))
          .as(rendered)
          .singleElement()
          .asString()
          .startsWith("Masking warning: 1 value hidden by customer still shows in clear")
          .doesNotContainIgnoringCase("brien");
    }
  }

  @Test
  void aShortValueCountsOnlyAsAWordOfItsOwn() {
    assertThat(MaskingCheck.warnings("\"metadata\": {}, \"Adam\": 1", MASKED)).isEmpty();
    assertThat(MaskingCheck.warnings("stream ada-7, by Ada and ada", MASKED))
        .containsExactly(
            "Masking warning: 1 value hidden by name still shows in clear in this report (3"
                + " times), where masking does not reach: the stream id, an event type, a field"
                + " name, a bookmark's author, or a short value inside a longer text.");
  }

  @Test
  void nothingIsCheckedWhenMaskingIsOff() {
    Evidence.Masked off = new Evidence.Masked(List.of(), Map.of(), 0, Map.of("ada", "name"));
    assertThat(MaskingCheck.warnings("ada", off)).isEmpty();
  }
}
