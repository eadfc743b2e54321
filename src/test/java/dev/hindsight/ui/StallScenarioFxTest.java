package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The stall scenario ({@code --measure-stalls}) runs its phases against the real window and reports
 * them. What it measures is for the benchmark to show; here it only has to do what it says.
 */
@ExtendWith(ApplicationExtension.class)
class StallScenarioFxTest {

  private ExplorerViewModel model;
  private final CompletableFuture<String> report = new CompletableFuture<>();
  private final CompletableFuture<Boolean> exited = new CompletableFuture<>();

  @Start
  void start(Stage stage) throws Exception {
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    MainWindow window = TestWindows.window();
    model = window.model().explorer();
    stage.setScene(new Scene(window, 1200, 740));
    stage.show();
    model.streams().open(DemoStore.copy());
    new StallScenario(
            window.model().tasks(),
            model,
            window::selectStream,
            report::complete,
            () -> exited.complete(true))
        .start();
  }

  @Test
  void itTypesOpensTheLongestStreamDragsToTheEndAndReportsEachPhase() throws Exception {
    JsonNode r = Json.parse(report.get(60, TimeUnit.SECONDS));

    assertThat(exited.get(1, TimeUnit.SECONDS)).isTrue();
    assertThat(r.get("streams").asInt()).isEqualTo(50);
    // the demo store's longest stream is the operating account's
    assertThat(r.get("events").asLong()).isEqualTo(888);
    assertThat(r.get("stream").asText()).isEqualTo("account-operating");
    assertThat(r.get("phases").findValuesAsText("phase"))
        .containsExactly(
            "open store", "filter streams", "open longest stream", "drag slider end to end");
    for (JsonNode phase : r.get("phases")) {
      assertThat(phase.get("frames").asLong()).as(phase.toString()).isPositive();
      assertThat(phase.get("maxGapMs").asDouble()).as(phase.toString()).isPositive();
      assertThat(phase.get("maxGapMs").asDouble())
          .isLessThanOrEqualTo(r.get("maxGapMs").asDouble());
    }
    // the drag went end to end, and the filter was typed and deleted again
    StreamViewModel vm = WaitForAsyncUtils.asyncFx(() -> model.streamProperty().get()).get();
    assertThat(WaitForAsyncUtils.asyncFx(() -> vm.pointProperty().get().ordinal()).get())
        .isEqualTo(887);
    assertThat(WaitForAsyncUtils.asyncFx(() -> model.streams().filterProperty().get()).get())
        .isEmpty();
  }
}
