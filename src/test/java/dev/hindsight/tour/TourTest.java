package dev.hindsight.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.audit.Bookmarks.Bookmark;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.ReplayOptions;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TourTest {

  @Test
  void readsATitleAndSteps() {
    Tour t =
        Tour.parse(
            "{\"title\":\"T\",\"steps\":[{\"stream\":\"a-1\",\"version\":3,\"caption\":\"one\\ntwo\","
                + "\"path\":\"/x/y\"},{\"stream\":\"b\",\"version\":1}]}");
    assertThat(t.title()).isEqualTo("T");
    assertThat(t.steps())
        .containsExactly(
            new Tour.Step("a-1", 3, "one\ntwo", "/x/y"), new Tour.Step("b", 1, "", null));
    assertThat(t.stepAt("a-1", 3)).isZero();
    assertThat(t.stepAt("b", 1)).isEqualTo(1);
    assertThat(t.stepAt("b", 2)).isEqualTo(-1);
  }

  @Test
  void aBareArrayOfStepsIsATourWithoutATitle() {
    Tour t = Tour.parse("[{\"stream\":\"s\",\"version\":2,\"caption\":\"c\"}]");
    assertThat(t.title()).isEmpty();
    assertThat(t.steps()).containsExactly(new Tour.Step("s", 2, "c", null));
  }

  @Test
  void everyMistakeSaysWhatAndWhere() {
    assertThatThrownBy(() -> Tour.parse("{\"steps\": [ {"))
        .isInstanceOf(Tour.TourException.class)
        .hasMessageStartingWith("not JSON (line 1)");
    assertThatThrownBy(() -> Tour.parse("{\"title\":\"x\"}"))
        .hasMessage("a tour is an object with a \"steps\" array (or an array of steps)");
    assertThatThrownBy(() -> Tour.parse("{\"steps\":[]}")).hasMessage("the tour has no steps");
    assertThatThrownBy(
            () ->
                Tour.parse(
                    "[{\"stream\":\"s\",\"version\":1},{\"stream\":\"s\",\"version\":\"2\"}]"))
        .hasMessage("step 2: \"version\" must be a whole number");
    assertThatThrownBy(() -> Tour.parse("[{\"stream\":\"s\",\"version\":1.5}]"))
        .hasMessage("step 1: \"version\" must be a whole number");
    assertThatThrownBy(() -> Tour.parse("[{\"version\":1}]"))
        .hasMessage("step 1: \"stream\" is missing (the stream's id, as text)");
    assertThatThrownBy(() -> Tour.parse("[{\"stream\":\"s\",\"version\":1,\"captoin\":\"x\"}]"))
        .hasMessage(
            "step 1: a step has an unknown field \"captoin\" (known: caption, flow, path, stream,"
                + " version)");
    assertThatThrownBy(() -> Tour.parse("[{\"stream\":\"s\",\"version\":1,\"path\":\"status\"}]"))
        .hasMessage("step 1: path 'status' is not a JSON pointer (it starts with /)");
    assertThatThrownBy(() -> Tour.parse("{\"title\":1,\"steps\":[]}"))
        .hasMessage("title must be text");
    assertThatThrownBy(() -> Tour.parse("{\"steps\":[],\"author\":\"me\"}"))
        .hasMessage("the tour has an unknown field \"author\" (known: steps, title)");
    assertThatThrownBy(() -> Tour.parse("[3]"))
        .hasMessage("step 1: a step is an object {stream, version, caption, path}");
  }

  @Test
  void aFileThatCannotBeReadIsNamedInTheMessage(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "[{\"stream\":\"s\"}]");
    assertThatThrownBy(() -> Tour.read(bad))
        .hasMessage("bad.json: step 1: \"version\" must be a whole number");
    assertThatThrownBy(() -> Tour.read(dir.resolve("missing.json")))
        .hasMessageStartingWith("cannot read the tour ");
  }

  @Test
  void writtenAndReadBackItIsTheSameTour(@TempDir Path dir) throws Exception {
    Tour t =
        new Tour(
            "Round trip",
            List.of(
                new Tour.Step("a", 1, "first\nline two", "/a"), new Tour.Step("b", 9, "", null)));
    Path file = dir.resolve("t.json");
    t.write(file);
    assertThat(Tour.read(file)).isEqualTo(t);
    assertThat(Files.readString(file)).doesNotContain("\"path\" : null");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file); // no partial file left
    }
  }

  @Test
  void bookmarksBecomeStepsInTheirOrderWithTitleAndTextAsTheCaption() {
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    Tour tour =
        Tour.fromBookmarks(
            "Bookmarks",
            List.of(
                new Bookmark("order-2", 5, "Shipped unpaid", "see paidAt", "ana", t),
                new Bookmark("order-1", 2, "Only a title", "", "ana", t.plusSeconds(1)),
                new Bookmark("order-1", 3, "", "only text", "ana", t.plusSeconds(2))));
    assertThat(tour.steps())
        .containsExactly(
            new Tour.Step("order-2", 5, "Shipped unpaid\nsee paidAt", null),
            new Tour.Step("order-1", 2, "Only a title", null),
            new Tour.Step("order-1", 3, "only text", null));
    assertThat(Tour.parse(tour.toJson().toString())).isEqualTo(tour);
  }

  @Test
  void theDemoTourStandsOnEventsOfTheDemoStoreAndItsPathsAreInTheState() {
    Tour tour = Tour.read(Path.of("resources/tours/demo-tour.json"));
    assertThat(tour.steps()).hasSizeGreaterThanOrEqualTo(10);
    ReducerSet reducers = JsReducers.load(Path.of("resources/reducers/demo"));
    try (SqliteEventSource source =
        SqliteEventSource.open(Path.of("resources/demo/hindsight-demo.db"), (Path) null)) {
      for (Tour.Step step : tour.steps()) {
        StreamSummary s =
            source.streams().stream()
                .filter(x -> x.stream().equals(step.stream()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no stream " + step.stream()));
        StreamReplay replay =
            StreamReplay.build(
                source,
                s,
                reducers.forStream(s.stream(), s.type()),
                ReplayOptions.defaults(),
                Progress.NONE);
        int ordinal = replay.ordinalOfVersion(step.version());
        assertThat(ordinal).as(step.stream() + " v" + step.version()).isNotNegative();
        assertThat(step.caption()).isNotBlank();
        // a caption names only what the screen shows: the customer by the id in the state
        String shown = replay.stateAfter(ordinal) + " " + replay.event(ordinal).data();
        for (String name : List.of("Anna", "Bram", "Chloé", "Daan")) {
          if (step.caption().contains(name)) {
            assertThat(shown)
                .as(step.stream() + " v" + step.version() + " shows " + name)
                .contains(name);
          }
        }
        if (step == tour.steps().get(0)) {
          assertThat(step.caption()).contains(replay.stateAfter(ordinal).at(step.path()).asText());
        }
        if (step.path() != null) {
          JsonNode state = replay.stateAfter(ordinal);
          assertThat(state.at(step.path()).isMissingNode())
              .as(step.path() + " in " + step.stream() + " v" + step.version())
              .isFalse();
        }
      }
    }
  }

  @Test
  void aStepMayAskForItsFlowAndKeepsAskingWhenWritten(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Tour t =
        Tour.parse(
            "{\"title\":\"t\",\"steps\":[{\"stream\":\"a\",\"version\":1,\"flow\":true},"
                + "{\"stream\":\"b\",\"version\":2}]}");
    assertThat(t.steps()).extracting(Tour.Step::flow).containsExactly(true, false);
    Path file = dir.resolve("t.json");
    t.write(file);
    assertThat(Tour.read(file)).isEqualTo(t);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Tour.parse(
                    "{\"title\":\"t\",\"steps\":[{\"stream\":\"a\",\"version\":1,"
                        + "\"flow\":\"yes\"}]}"))
        .hasMessageContaining("\"flow\" must be true or false");
  }
}
