package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.store.sqlite.SqliteEventSource;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad event is marked in the events table, in front of its data; good ones are not. */
class BadEventMarkerTest {

  @TempDir Path dir;

  @Test
  void aMalformedPayloadIsMarkedInItsRow() throws Exception {
    Path file = dir.resolve("bad.db");
    try (Connection c = TestStores.connect(file)) {
      TestStores.createSchema(c);
      TestStores.insert(c, 1, "a-1", 1, "Good", "{\"n\":1}", "{}", "2024-01-01T10:00:00Z");
      TestStores.insert(c, 2, "a-1", 2, "Bad", "{\"n\": ", "{}", "2024-01-01T10:00:01Z");
    }
    ExplorerViewModel model =
        new ExplorerViewModel(
            TaskRunner.sameThread(), t -> SqliteEventSource.open(t.file(), t.mapping()));
    model.streams().open(file);
    assertThat(model.openStream("a-1", Long.MAX_VALUE)).isTrue();
    StreamViewModel vm = model.streamProperty().get();
    vm.needSummary(vm.rows().get(0));
    assertThat(vm.rows().get(0).summaryProperty().get()).isEqualTo("{\"n\":1}");
    assertThat(vm.rows().get(1).summaryProperty().get())
        .startsWith("⚠ malformed JSON: ")
        .endsWith(" · {\"n\": ");
    model.close();
  }
}
