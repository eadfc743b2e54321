package dev.hindsight.replay;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.replay.js.Finder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A condition's syntax error is placed in the condition as written, counted from 1. */
class FinderSyntaxTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "state.balance <| condition:1:16: ",
        "state.(x| condition:1:9: ",
        "state.a &&\\n  state.b <<< 2| condition:2:",
        // parses alone, not as the function's return value: the wrapped place, moved back
        "1; 2| condition:1:3: ",
      })
  void pointsIntoTheUsersOwnExpression(String expression, String place) {
    assertThatThrownBy(() -> Finder.compile(expression.replace("\\n", "\n")))
        .isInstanceOf(ReducerException.class)
        .hasMessageStartingWith(place.strip());
  }
}
