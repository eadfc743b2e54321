package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.audit.Masking;
import dev.hindsight.store.codec.Json;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window masks by word parts as the report does (issue 17): on the demo's order-1001, placed
 * before release 2.0, the stored event says {@code customer} and {@code address} and the upcast
 * state {@code customerId} and {@code shippingAddress}.
 */
class MaskingWindowTest {

  @TempDir Path dir;

  @Test
  void aNameRuleHidesTheUpcastFieldsInThePointTheTableAndTheHistory() throws Exception {
    Path db = dir.resolve("demo.db");
    Files.copy(Path.of("resources/demo/hindsight-demo.db"), db);
    ExplorerViewModel model =
        new ExplorerViewModel(
            TaskRunner.sameThread(), t -> SqliteEventSource.open(t.file(), t.mapping()));
    model.streams().open(db);
    model.loadReducers(Path.of("resources/reducers/demo"));
    assertThat(model.openStream("order-1001", 1)).isTrue();
    StreamViewModel s = model.streamProperty().get();
    assertThat(Json.write(s.pointProperty().get().after())).contains("c-1041", "Keizersgracht");

    model.maskingProperty().set(Masking.parse("address,customer"));

    String point =
        Json.write(s.pointProperty().get().after())
            + Json.write(s.pointProperty().get().event().data())
            + Json.write(s.pointProperty().get().upcast())
            + s.pointProperty().get().changes();
    assertThat(point)
        .doesNotContain("c-1041")
        .doesNotContain("Keizersgracht")
        .doesNotContain("Amsterdam")
        .contains("\"customerId\":\"•••\"")
        .contains("\"shippingAddress\":\"•••\"");
    s.needSummary(s.rows().get(0));
    assertThat(s.rows().get(0).summaryProperty().get()).contains("•••").doesNotContain("c-1041");
    AnalysisViewModel a = s.analysis();
    a.historyOf("/shippingAddress/street");
    assertThat(a.history())
        .isNotEmpty()
        .extracting(e -> String.valueOf(e.newValue()))
        .containsOnly("\"•••\"");
  }
}
