package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.Layout;
import dev.hindsight.store.LayoutFiles;
import dev.hindsight.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class StoreViewModelTest {

  private static final List<StreamSummary> STREAMS =
      List.of(
          new StreamSummary("order-1", "order", 3, 1, 3, null, null),
          new StreamSummary("order-2", "order", 2, 1, 2, null, null),
          new StreamSummary("cart-9", "cart", 5, 1, 5, null, null));

  private final StoreViewModel model =
      new StoreViewModel(TaskRunner.sameThread(), StoreViewModelTest::fakeStore);

  @Test
  void openingAStoreListsItsStreamsAndSaysWhatItRead() {
    model.open(Path.of("shop.db"));

    assertThat(model.visibleStreams()).containsExactlyElementsOf(STREAMS);
    assertThat(model.fileProperty().get()).isEqualTo(Path.of("shop.db"));
    assertThat(model.layoutNameProperty().get()).isEqualTo("hindsight-simple");
    assertThat(model.statusProperty().get()).isEqualTo("3 streams · 10 events");
    assertThat(model.busyProperty().get()).isFalse();
    assertThat(model.errorProperty().get()).isNull();
  }

  @Test
  void filterMatchesSubstringsGlobsAndTypes() {
    model.open(Path.of("shop.db"));

    model.filterProperty().set("der-2");
    assertThat(model.visibleStreams()).extracting(StreamSummary::stream).containsExactly("order-2");

    model.filterProperty().set("order-*");
    assertThat(model.visibleStreams())
        .extracting(StreamSummary::stream)
        .containsExactly("order-1", "order-2");

    model.filterProperty().set("cart");
    assertThat(model.visibleStreams()).extracting(StreamSummary::stream).containsExactly("cart-9");
    assertThat(model.statusProperty().get()).startsWith("1 of 3 streams");

    model.filterProperty().set("");
    assertThat(model.visibleStreams()).hasSize(3);
  }

  @Test
  void aStoreThatCannotBeOpenedBecomesAClearErrorAndKeepsThePreviousOne() {
    model.open(Path.of("shop.db"));

    model.open(Path.of("broken.db"));

    assertThat(model.errorProperty().get()).isEqualTo("broken.db is not a SQLite database");
    assertThat(model.statusProperty().get()).isEqualTo("3 streams · 10 events");
    assertThat(model.fileProperty().get()).isEqualTo(Path.of("shop.db"));
    assertThat(model.visibleStreams()).hasSize(3);
    assertThat(model.busyProperty().get()).isFalse();
  }

  private static EventSource fakeStore(StoreTarget target) {
    Path path = target.file();
    if (path.toString().equals("broken.db")) {
      throw new StoreException("broken.db is not a SQLite database");
    }
    Layout simple =
        LayoutFiles.builtIns().stream()
            .filter(l -> l.name().equals("hindsight-simple"))
            .findFirst()
            .orElseThrow();
    return new EventSource() {
      @Override
      public String location() {
        return path.toString();
      }

      @Override
      public java.util.Optional<Path> localFile() {
        return java.util.Optional.of(path);
      }

      @Override
      public EventSource reopen() {
        throw new UnsupportedOperationException("a scripted source");
      }

      @Override
      public Layout layout() {
        return simple;
      }

      @Override
      public List<StreamSummary> streams() {
        return STREAMS;
      }

      @Override
      public java.util.Optional<StreamSummary> stream(String stream) {
        return STREAMS.stream().filter(s -> s.stream().equals(stream)).findFirst();
      }

      @Override
      public boolean hasStream(String stream) {
        return true;
      }

      @Override
      public void read(EventQuery query, Predicate<StoredEvent> sink) {}

      @Override
      public void close() {}
    };
  }
}
