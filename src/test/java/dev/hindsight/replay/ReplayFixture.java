package dev.hindsight.replay;

import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.sqlite.SqliteEventSource;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** A small simple-layout store built event by event, and replays of its streams. */
final class ReplayFixture implements AutoCloseable {

  private final Path file;
  private final List<Object[]> rows = new ArrayList<>();
  private EventSource source;

  ReplayFixture(Path dir) {
    this.file = dir.resolve("replay.db");
  }

  /** Adds an event; {@code time} may be null (no timestamp). Positions count up from 1. */
  ReplayFixture event(String stream, long version, String type, String data, String time) {
    rows.add(new Object[] {stream, version, type, data, time});
    return this;
  }

  ReplayFixture event(String stream, long version, String type, String data) {
    return event(stream, version, type, data, TestStores.time(rows.size() + 1));
  }

  EventSource source() throws Exception {
    if (source == null) {
      try (Connection c = TestStores.connect(file)) {
        TestStores.createSchema(c);
        long p = 1;
        for (Object[] r : rows) {
          TestStores.insert(
              c, p++, (String) r[0], (Long) r[1], (String) r[2], r[3], "{}", (String) r[4]);
        }
      }
      source = SqliteEventSource.open(file, (Path) null);
    }
    return source;
  }

  StreamReplay replay(String stream, Reducer reducer, ReplayOptions options) throws Exception {
    StreamSummary summary = source().stream(stream).orElseThrow();
    return StreamReplay.build(source(), summary, reducer, options, Progress.NONE);
  }

  StreamReplay replay(String stream) throws Exception {
    return replay(stream, GenericReducer.INSTANCE, ReplayOptions.defaults());
  }

  StreamReplay replay(String stream, String reducerJs) throws Exception {
    return replay(stream, js(reducerJs), ReplayOptions.defaults());
  }

  static Reducer js(String source) {
    return JsReducers.fromSource(source, "test.js", 300).get(0);
  }

  @Override
  public void close() {
    if (source != null) {
      source.close();
    }
  }
}
