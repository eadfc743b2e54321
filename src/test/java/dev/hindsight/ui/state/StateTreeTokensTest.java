package dev.hindsight.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.store.codec.Json;
import dev.hindsight.ui.state.JsonTokens.Kind;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The raw view's colouring: which runs of the pretty JSON are keys, strings, numbers, literals. */
class StateTreeTokensTest {

  @Test
  void splitsPrettyJsonIntoColouredRunsThatJoinBackToTheText() throws Exception {
    String text =
        Json.pretty(Json.parse("{\"a\\\"b\":\"x:\\\"y\",\"n\":-24.00,\"t\":[true,null,1E+2]}"));

    var tokens = JsonTokens.of(text);

    assertThat(tokens.stream().map(JsonTokens.Token::text).collect(Collectors.joining()))
        .isEqualTo(text);
    assertThat(tokens.stream().filter(t -> t.kind() != Kind.PUNCTUATION))
        .extracting(t -> t.kind() + " " + t.text())
        .containsExactly(
            "KEY \"a\\\"b\"",
            "STRING \"x:\\\"y\"",
            "KEY \"n\"",
            "NUMBER -24.00",
            "KEY \"t\"",
            "LITERAL true",
            "LITERAL null",
            "NUMBER 1E+2");
  }
}
